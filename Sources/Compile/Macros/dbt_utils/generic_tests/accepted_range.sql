{# dbt_utils test accepted_range(model, column_name, min_value=none, max_value=none,
   inclusive=true): fails for rows whose value lies outside the bounds (nulls pass). #}

{% test accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true) %}
    {{ return(adapter.dispatch('test_accepted_range', 'dbt_utils')(model, column_name, min_value, max_value, inclusive)) }}
{% endtest %}

{% macro default__test_accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true) %}
    {%- set eq = '=' if inclusive else '' %}
with meet_condition as (
    select * from {{ model }}
),
validation_errors as (
    select *
    from meet_condition
    where 1 = 2
    {%- if min_value is not none %}
       or not ({{ column_name }} >{{ eq }} {{ min_value }})
    {%- endif %}
    {%- if max_value is not none %}
       or not ({{ column_name }} <{{ eq }} {{ max_value }})
    {%- endif %}
)
select * from validation_errors
{% endmacro %}
