{# dbt.any_value(expression): some value of expression within each group. #}

{% macro any_value(expression) -%}
    {{ return(adapter.dispatch('any_value', 'dbt')(expression)) }}
{%- endmacro %}

{% macro default__any_value(expression) -%}
    any_value({{ expression }})
{%- endmacro %}

{# PostgreSQL (before 16) and SQLite have no any_value: min() picks a value deterministically. #}
{% macro postgres__any_value(expression) -%}
    min({{ expression }})
{%- endmacro %}

{% macro sqlite__any_value(expression) -%}
    min({{ expression }})
{%- endmacro %}

{# Redshift has ANY_VALUE natively. #}
{% macro redshift__any_value(expression) -%}
    any_value({{ expression }})
{%- endmacro %}
