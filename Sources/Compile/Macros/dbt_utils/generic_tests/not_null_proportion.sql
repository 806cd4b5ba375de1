{# dbt_utils test not_null_proportion(model, column_name, at_least, at_most=1.0,
   group_by_columns=[]): fails when the share of non-null values (per group) is outside
   [at_least, at_most]. Arguments arrive as keyword arguments, as dbt passes them. #}

{% test not_null_proportion(model, group_by_columns=[]) %}
    {{ return(adapter.dispatch('test_not_null_proportion', 'dbt_utils')(model, group_by_columns, **kwargs)) }}
{% endtest %}

{% macro default__test_not_null_proportion(model, group_by_columns) %}
    {%- set column_name = kwargs.get('column_name', kwargs.get('arg')) -%}
    {%- set at_least = kwargs.get('at_least', kwargs.get('arg')) -%}
    {%- set at_most = kwargs.get('at_most', kwargs.get('arg', 1)) -%}
    {%- if at_least is none -%}
        {{ exceptions.raise_compiler_error("not_null_proportion test requires an `at_least` argument") }}
    {%- endif -%}
    {%- set group_cols = group_by_columns | join(', ') -%}
    {%- set group_prefix = group_cols ~ ', ' if group_by_columns | length > 0 else '' %}
with validation as (
    select
        {{ group_prefix }}sum(case when {{ column_name }} is null then 0 else 1 end) * 1.0 / count(*) as not_null_proportion
    from {{ model }}
    {%- if group_by_columns | length > 0 %}
    group by {{ group_cols }}
    {%- endif %}
),
validation_errors as (
    select {{ group_prefix }}not_null_proportion
    from validation
    where not_null_proportion < {{ at_least }} or not_null_proportion > {{ at_most }}
)
select * from validation_errors
{% endmacro %}
