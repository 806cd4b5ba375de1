{# dbt.date(year, month, day): a date literal from three integers. #}

{% macro date(year, month, day) %}
  {{ return(adapter.dispatch('date', 'dbt')(year, month, day)) }}
{% endmacro %}

{# Builds the ISO-8601 text with modules.datetime, which also rejects impossible dates. #}
{% macro _iso_date(year, month, day) -%}
    {{ return(modules.datetime.date(year | int, month | int, day | int).isoformat()) }}
{%- endmacro %}

{% macro default__date(year, month, day) -%}
    to_date('{{ dbt._iso_date(year, month, day) }}', 'YYYY-MM-DD')
{%- endmacro %}

{% macro sqlite__date(year, month, day) -%}
    date('{{ dbt._iso_date(year, month, day) }}')
{%- endmacro %}
