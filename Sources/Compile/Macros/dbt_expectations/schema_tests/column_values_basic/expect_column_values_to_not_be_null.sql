{# dbt_expectations test expect_column_values_to_not_be_null(model, column_name,
   row_condition=None): fails for null values among rows matching row_condition. #}

{% test expect_column_values_to_not_be_null(model, column_name, row_condition=None) %}
    {{ dbt_expectations.expression_is_true(model, expression=column_name ~ ' is not null', group_by_columns=None, row_condition=row_condition) }}
{% endtest %}
