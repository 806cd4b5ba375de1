{# dbt_expectations test expect_column_value_lengths_to_be_between(model, column_name,
   min_value=None, max_value=None, row_condition=None, strictly=False): fails for
   values whose length (dbt.length) is outside the bounds. #}

{% test expect_column_value_lengths_to_be_between(model, column_name, min_value=None, max_value=None, row_condition=None, strictly=False) %}
    {{ dbt_expectations.expression_between(model, expression=dbt.length(column_name), min_value=min_value, max_value=max_value, group_by_columns=None, row_condition=row_condition, strictly=strictly) }}
{% endtest %}
