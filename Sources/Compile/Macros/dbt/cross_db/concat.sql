{# dbt.concat(fields): concatenate a list of SQL expressions with the || operator
   (valid on PostgreSQL, Redshift and SQLite; null in, null out). #}

{% macro concat(fields) -%}
  {{ return(adapter.dispatch('concat', 'dbt')(fields)) }}
{%- endmacro %}

{% macro default__concat(fields) -%}
    {{ fields | join(' || ') }}
{%- endmacro %}
