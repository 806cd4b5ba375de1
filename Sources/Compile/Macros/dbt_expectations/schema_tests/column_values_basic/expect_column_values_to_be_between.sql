{# dbt_expectations test expect_column_values_to_be_between(model, column_name,
   min_value=None, max_value=None, row_condition=None, strictly=False): fails for rows
   whose value is outside the bounds (nulls pass). #}

{% test expect_column_values_to_be_between(model, column_name, min_value=None, max_value=None, row_condition=None, strictly=False) %}
    {{ dbt_expectations.expression_between(model, expression=column_name, min_value=min_value, max_value=max_value, group_by_columns=None, row_condition=row_condition, strictly=strictly) }}
{% endtest %}
