{# dbt_expectations test expect_row_values_to_have_recent_data(model, column_name,
   datepart, interval, row_condition=None): fails when the latest non-future value of
   column_name (among rows matching row_condition) is older than `interval` dateparts
   before now — or when there is none. #}

{% test expect_row_values_to_have_recent_data(model, column_name, datepart, interval, row_condition=None) %}
    {{ adapter.dispatch('test_expect_row_values_to_have_recent_data', 'dbt_expectations')(model, column_name, datepart, interval, row_condition) }}
{% endtest %}

{% macro default__test_expect_row_values_to_have_recent_data(model, column_name, datepart, interval, row_condition) %}
    {%- set ts_type = dbt_expectations.type_timestamp() -%}
    {%- set now = dbt.cast(dbt.current_timestamp(), ts_type) -%}
    {%- set value = dbt.cast(column_name, ts_type) %}
with max_recency as (
    select max({{ value }}) as max_timestamp
    from {{ model }}
    where {{ value }} <= {{ now }}  -- ignore values in the future
    {%- if row_condition %}
      and {{ row_condition }}
    {%- endif %}
)
select *
from max_recency
where coalesce(max_timestamp, {{ dbt.cast("'1970-01-01'", ts_type) }})
    < {{ dbt.cast(dbt.dateadd(datepart, interval * -1, now), ts_type) }}
{% endmacro %}
