{# dbt.date_spine(datepart, start_date, end_date): one row per datepart from start_date
   (inclusive) up to end_date (exclusive: the spine has datediff(start, end) rows), in a column named date_<datepart>.
   dbt.get_intervals_between(start_date, end_date, datepart) asks the warehouse how many
   periods that is (1 at parse time, when nothing may be queried). #}

{% macro get_intervals_between(start_date, end_date, datepart) -%}
    {{ return(adapter.dispatch('get_intervals_between', 'dbt')(start_date, end_date, datepart)) }}
{%- endmacro %}

{% macro default__get_intervals_between(start_date, end_date, datepart) -%}
    {%- if not execute -%}
        {{ return(1) }}
    {%- endif -%}
    {%- set result = run_query('select ' ~ dbt.datediff(start_date, end_date, datepart) ~ ' as intervals') -%}
    {%- if result is not none and result.rows | length > 0 and result.rows[0][0] is not none -%}
        {{ return(result.rows[0][0] | int) }}
    {%- else -%}
        {{ return(1) }}
    {%- endif -%}
{%- endmacro %}

{% macro date_spine(datepart, start_date, end_date) %}
    {{ return(adapter.dispatch('date_spine', 'dbt')(datepart, start_date, end_date)) }}
{%- endmacro %}

{% macro default__date_spine(datepart, start_date, end_date) %}
    {%- set periods = dbt.get_intervals_between(start_date, end_date, datepart) -%}
    with rawdata as (
        {{ dbt.generate_series(periods if periods > 0 else 1) }}
    ),
    all_periods as (
        select {{ dbt.dateadd(datepart, 'generated_number - 1', start_date) }} as date_{{ datepart }}
        from rawdata
    ),
    filtered as (
        select *
        from all_periods
        where date_{{ datepart }} <= {{ end_date }}
    )
    select * from filtered
{% endmacro %}
