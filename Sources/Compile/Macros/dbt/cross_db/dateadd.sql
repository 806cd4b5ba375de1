{# dbt.dateadd(datepart, interval, from_date_or_timestamp): shift a date or timestamp
   by `interval` units of `datepart` (interval may be a SQL expression). #}

{% macro dateadd(datepart, interval, from_date_or_timestamp) %}
  {{ return(adapter.dispatch('dateadd', 'dbt')(datepart, interval, from_date_or_timestamp)) }}
{% endmacro %}

{% macro default__dateadd(datepart, interval, from_date_or_timestamp) -%}
    dateadd({{ datepart }}, {{ interval }}, {{ from_date_or_timestamp }})
{%- endmacro %}

{% macro redshift__dateadd(datepart, interval, from_date_or_timestamp) -%}
    dateadd({{ datepart }}, {{ interval }}, {{ from_date_or_timestamp }})
{%- endmacro %}

{# ingot's SQLite function library provides dateadd(part, n, ts); the part must be a string. #}
{% macro sqlite__dateadd(datepart, interval, from_date_or_timestamp) -%}
    dateadd('{{ datepart | lower }}', {{ interval }}, {{ from_date_or_timestamp }})
{%- endmacro %}

{# PostgreSQL: multiply a one-unit interval. Quarters are not an interval unit there. #}
{% macro postgres__dateadd(datepart, interval, from_date_or_timestamp) -%}
    {%- set part = datepart | lower -%}
    {%- if part == 'quarter' -%}
        {%- set unit = '3 months' -%}
    {%- else -%}
        {%- set unit = '1 ' ~ part -%}
    {%- endif -%}
    ({{ from_date_or_timestamp }} + (interval '{{ unit }}') * ({{ interval }}))
{%- endmacro %}
