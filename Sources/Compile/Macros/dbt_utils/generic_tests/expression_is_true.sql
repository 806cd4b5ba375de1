{# dbt_utils test expression_is_true(model, expression, column_name=None): fails for rows
   where the expression (prefixed by the column when the test is on a column) is not true. #}

{% test expression_is_true(model, expression, column_name=None) %}
    {{ return(adapter.dispatch('test_expression_is_true', 'dbt_utils')(model, expression, column_name)) }}
{% endtest %}

{% macro default__test_expression_is_true(model, expression, column_name) %}
    {%- set condition = expression if column_name is none else column_name ~ ' ' ~ expression %}
select {{ '*' if dbt.should_store_failures() else '1 as failing_row' }}
from {{ model }}
where not ({{ condition }})
{% endmacro %}
