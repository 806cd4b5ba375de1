{# dbt.bool_or(expression): true if the boolean expression is true for any row of the group.
   Native on PostgreSQL and Redshift; on SQLite bool_or comes from ingot's function library. #}

{% macro bool_or(expression) -%}
    {{ return(adapter.dispatch('bool_or', 'dbt')(expression)) }}
{%- endmacro %}

{% macro default__bool_or(expression) -%}
    bool_or({{ expression }})
{%- endmacro %}
