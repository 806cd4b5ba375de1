{# dbt.date_trunc(datepart, date): truncate a date or timestamp to the start of its datepart.
   date_trunc('part', x) is native on PostgreSQL and Redshift and provided by ingot's
   SQLite function library, so one variant serves all three. #}

{% macro date_trunc(datepart, date) -%}
  {{ return(adapter.dispatch('date_trunc', 'dbt')(datepart, date)) }}
{%- endmacro %}

{% macro default__date_trunc(datepart, date) -%}
    date_trunc('{{ datepart | lower }}', {{ date }})
{%- endmacro %}
