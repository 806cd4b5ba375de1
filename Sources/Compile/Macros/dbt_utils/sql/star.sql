{# dbt_utils.star(from, relation_alias=False, except=[], prefix='', suffix='',
   quote_identifiers=True): the relation's columns as a select list, optionally
   qualified, filtered, and renamed with a prefix/suffix. '*' at parse time. #}

{% macro star(from, relation_alias=False, except=[], prefix='', suffix='', quote_identifiers=True) -%}
    {{ return(adapter.dispatch('star', 'dbt_utils')(from, relation_alias, except, prefix, suffix, quote_identifiers)) }}
{% endmacro %}

{% macro default__star(from, relation_alias=False, except=[], prefix='', suffix='', quote_identifiers=True) -%}
    {%- do dbt_utils._is_relation(from, 'star') -%}
    {%- do dbt_utils._is_ephemeral(from, 'star') -%}
    {%- if not execute -%}
        {{ return('*') }}
    {%- endif -%}
    {%- set columns = dbt_utils.get_filtered_columns_in_relation(from, except) -%}
    {%- if columns | length == 0 -%}
        {%- if flags is defined and flags.WHICH == 'compile' -%}
            {{ return("*\n/* No columns were returned. Maybe the relation doesn't exist yet\nor all columns were excluded. This star is only output during\ndbt compile, and exists to keep SQLFluff happy. */") }}
        {%- else -%}
            {{ return('/* no columns returned from star() macro */') }}
        {%- endif -%}
    {%- endif -%}
    {%- set items = [] -%}
    {%- for col in columns -%}
        {%- set source_name = (adapter.quote(col) if quote_identifiers else col) | trim -%}
        {%- set item = (relation_alias ~ '.' if relation_alias else '') ~ source_name -%}
        {%- if prefix != '' or suffix != '' -%}
            {%- set new_name = prefix ~ col ~ suffix -%}
            {%- set item = item ~ ' as ' ~ ((adapter.quote(new_name) if quote_identifiers else new_name) | trim) -%}
        {%- endif -%}
        {%- do items.append(item) -%}
    {%- endfor -%}
    {{ items | join(',\n  ') }}
{%- endmacro %}
