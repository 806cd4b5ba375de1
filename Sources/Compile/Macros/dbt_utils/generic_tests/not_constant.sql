{# dbt_utils test not_constant(model, column_name, group_by_columns=[]): fails when the
   column holds a single distinct non-null value (per group). #}

{% test not_constant(model, column_name, group_by_columns=[]) %}
    {{ return(adapter.dispatch('test_not_constant', 'dbt_utils')(model, column_name, group_by_columns)) }}
{% endtest %}

{% macro default__test_not_constant(model, column_name, group_by_columns) %}
    {%- set group_cols = group_by_columns | join(', ') %}
select
    {% if group_by_columns | length > 0 %}{{ group_cols }}, {% endif %}count(distinct {{ column_name }}) as distinct_values
from {{ model }}
{%- if group_by_columns | length > 0 %}
group by {{ group_cols }}
{%- endif %}
having count(distinct {{ column_name }}) = 1
{% endmacro %}
