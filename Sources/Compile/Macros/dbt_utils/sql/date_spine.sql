{# dbt_utils.date_spine(datepart, start_date, end_date) with its helpers
   dbt_utils.get_intervals_between, dbt_utils.generate_series and
   dbt_utils.get_powers_of_two. They are dispatched in the dbt_utils namespace (so a
   project can override them there) and default to ingot's dbt.* implementations. #}

{% macro get_powers_of_two(upper_bound) %}
    {{ return(adapter.dispatch('get_powers_of_two', 'dbt_utils')(upper_bound)) }}
{% endmacro %}

{% macro default__get_powers_of_two(upper_bound) %}
    {{ return(dbt.get_powers_of_two(upper_bound)) }}
{% endmacro %}

{% macro generate_series(upper_bound) %}
    {{ return(adapter.dispatch('generate_series', 'dbt_utils')(upper_bound)) }}
{% endmacro %}

{% macro default__generate_series(upper_bound) %}
    {{ return(dbt.generate_series(upper_bound)) }}
{% endmacro %}

{% macro get_intervals_between(start_date, end_date, datepart) -%}
    {{ return(adapter.dispatch('get_intervals_between', 'dbt_utils')(start_date, end_date, datepart)) }}
{%- endmacro %}

{% macro default__get_intervals_between(start_date, end_date, datepart) -%}
    {{ return(dbt.get_intervals_between(start_date, end_date, datepart)) }}
{%- endmacro %}

{% macro date_spine(datepart, start_date, end_date) %}
    {{ return(adapter.dispatch('date_spine', 'dbt_utils')(datepart, start_date, end_date)) }}
{%- endmacro %}

{% macro default__date_spine(datepart, start_date, end_date) %}
    {%- set periods = dbt_utils.get_intervals_between(start_date, end_date, datepart) -%}
    with rawdata as (
        {{ dbt_utils.generate_series(periods if periods > 0 else 1) }}
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
