{# dbt_utils test sequential_values(model, column_name, interval=1, datepart=None,
   group_by_columns=[]): fails for rows that do not follow the previous value (in order,
   per group) by exactly `interval` (numbers) or `interval` dateparts (dates).
   Timestamps are compared through dbt.cast(x, 'timestamp'), which on SQLite normalises
   the ISO-8601 text of both sides. #}

{% test sequential_values(model, column_name, interval=1, datepart=None, group_by_columns=[]) %}
    {{ return(adapter.dispatch('test_sequential_values', 'dbt_utils')(model, column_name, interval, datepart, group_by_columns)) }}
{% endtest %}

{% macro default__test_sequential_values(model, column_name, interval=1, datepart=None, group_by_columns=[]) %}
    {%- set previous = 'previous_' ~ dbt_utils.slugify(column_name) -%}
    {%- set group_cols = group_by_columns | join(', ') %}
with windowed as (
    select
        {% if group_by_columns | length > 0 %}{{ group_cols }}, {% endif %}{{ column_name }},
        lag({{ column_name }}) over ({% if group_by_columns | length > 0 %}partition by {{ group_cols }} {% endif %}order by {{ column_name }}) as {{ previous }}
    from {{ model }}
),
validation_errors as (
    select *
    from windowed
    {%- if datepart %}
    where not ({{ dbt.cast(column_name, 'timestamp') }} = {{ dbt.cast(dbt.dateadd(datepart, interval, previous), 'timestamp') }})
    {%- else %}
    where not ({{ column_name }} = {{ previous }} + {{ interval }})
    {%- endif %}
)
select * from validation_errors
{% endmacro %}
