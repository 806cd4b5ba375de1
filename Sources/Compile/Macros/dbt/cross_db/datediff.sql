{# dbt.datediff(first_date, second_date, datepart): whole datepart boundaries crossed
   going from first_date to second_date (Redshift semantics). #}

{% macro datediff(first_date, second_date, datepart) %}
  {{ return(adapter.dispatch('datediff', 'dbt')(first_date, second_date, datepart)) }}
{% endmacro %}

{% macro default__datediff(first_date, second_date, datepart) -%}
    datediff({{ datepart }}, {{ first_date }}, {{ second_date }})
{%- endmacro %}

{# Redshift has datediff natively; this variant stops dispatch falling back to postgres__. #}
{% macro redshift__datediff(first_date, second_date, datepart) -%}
    datediff({{ datepart }}, {{ first_date }}, {{ second_date }})
{%- endmacro %}

{# ingot's SQLite function library provides datediff(part, a, b); the part must be a string. #}
{% macro sqlite__datediff(first_date, second_date, datepart) -%}
    datediff('{{ datepart | lower }}', {{ first_date }}, {{ second_date }})
{%- endmacro %}

{# PostgreSQL has no datediff: count calendar boundaries with date_part arithmetic. #}
{% macro postgres__datediff(first_date, second_date, datepart) -%}
    {%- set part = datepart | lower -%}
    {%- set a_date = '(' ~ first_date ~ ')::date' -%}
    {%- set b_date = '(' ~ second_date ~ ')::date' -%}
    {%- set a_ts = '(' ~ first_date ~ ')::timestamp' -%}
    {%- set b_ts = '(' ~ second_date ~ ')::timestamp' -%}
    {%- if part == 'year' -%}
        (date_part('year', {{ b_date }}) - date_part('year', {{ a_date }}))
    {%- elif part == 'quarter' -%}
        ({{ dbt.datediff(first_date, second_date, 'year') }} * 4 + date_part('quarter', {{ b_date }}) - date_part('quarter', {{ a_date }}))
    {%- elif part == 'month' -%}
        ({{ dbt.datediff(first_date, second_date, 'year') }} * 12 + date_part('month', {{ b_date }}) - date_part('month', {{ a_date }}))
    {%- elif part == 'day' -%}
        ({{ b_date }} - {{ a_date }})
    {%- elif part == 'week' -%}
        {#- weeks start on Sunday, as Redshift counts them: shift both dates to their week's Sunday -#}
        (((({{ b_date }}) - cast(date_part('dow', {{ b_date }}) as integer)) - (({{ a_date }}) - cast(date_part('dow', {{ a_date }}) as integer))) / 7)
    {%- elif part == 'hour' -%}
        ({{ dbt.datediff(first_date, second_date, 'day') }} * 24 + date_part('hour', {{ b_ts }}) - date_part('hour', {{ a_ts }}))
    {%- elif part == 'minute' -%}
        ({{ dbt.datediff(first_date, second_date, 'hour') }} * 60 + date_part('minute', {{ b_ts }}) - date_part('minute', {{ a_ts }}))
    {%- elif part == 'second' -%}
        ({{ dbt.datediff(first_date, second_date, 'minute') }} * 60 + floor(date_part('second', {{ b_ts }})) - floor(date_part('second', {{ a_ts }})))
    {%- elif part == 'millisecond' -%}
        ({{ dbt.datediff(first_date, second_date, 'minute') }} * 60000 + floor(date_part('millisecond', {{ b_ts }})) - floor(date_part('millisecond', {{ a_ts }})))
    {%- elif part == 'microsecond' -%}
        ({{ dbt.datediff(first_date, second_date, 'minute') }} * 60000000 + floor(date_part('microsecond', {{ b_ts }})) - floor(date_part('microsecond', {{ a_ts }})))
    {%- else -%}
        {{ exceptions.raise_compiler_error("Unsupported datepart for macro datediff in postgres: '" ~ datepart ~ "'") }}
    {%- endif -%}
{%- endmacro %}
