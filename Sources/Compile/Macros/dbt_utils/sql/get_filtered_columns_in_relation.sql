{# dbt_utils.get_filtered_columns_in_relation(from, except=[]): the relation's column
   names, in table order, minus those in `except` (case-insensitive). '' at parse time. #}

{% macro get_filtered_columns_in_relation(from, except=[]) -%}
    {{ return(adapter.dispatch('get_filtered_columns_in_relation', 'dbt_utils')(from, except)) }}
{% endmacro %}

{% macro default__get_filtered_columns_in_relation(from, except=[]) -%}
    {%- do dbt_utils._is_relation(from, 'get_filtered_columns_in_relation') -%}
    {%- do dbt_utils._is_ephemeral(from, 'get_filtered_columns_in_relation') -%}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set skip = except | map('lower') | list -%}
    {%- set kept = [] -%}
    {%- for col in adapter.get_columns_in_relation(from) -%}
        {%- if col.column | lower not in skip -%}
            {%- do kept.append(col.column) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(kept) }}
{%- endmacro %}
