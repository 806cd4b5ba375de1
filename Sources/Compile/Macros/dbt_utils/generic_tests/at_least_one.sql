{# dbt_utils test at_least_one(model, column_name, group_by_columns=[]): fails when the
   column has no non-null value (in some group). #}

{% test at_least_one(model, column_name, group_by_columns=[]) %}
    {{ return(adapter.dispatch('test_at_least_one', 'dbt_utils')(model, column_name, group_by_columns)) }}
{% endtest %}

{% macro default__test_at_least_one(model, column_name, group_by_columns) %}
    {%- if group_by_columns | length == 0 %}
select count_non_null
from (
    select count(*) as count_non_null
    from (
        select {{ column_name }}
        from {{ model }}
        where {{ column_name }} is not null
        limit 1
    ) as first_value
) as counted
where count_non_null = 0
    {%- else -%}
    {%- set group_cols = group_by_columns | join(', ') %}
select {{ group_cols }}, count({{ column_name }}) as count_non_null
from {{ model }}
group by {{ group_cols }}
having count({{ column_name }}) = 0
    {%- endif %}
{% endmacro %}
