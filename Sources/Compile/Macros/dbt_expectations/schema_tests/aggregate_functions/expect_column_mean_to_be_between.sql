{# dbt_expectations test expect_column_mean_to_be_between(model, column_name,
   min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False):
   fails when avg(column) (per group) is outside the bounds. #}

{% test expect_column_mean_to_be_between(model, column_name, min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False) %}
    {{ dbt_expectations.expression_between(model, expression='avg(' ~ column_name ~ ')', min_value=min_value, max_value=max_value, group_by_columns=group_by, row_condition=row_condition, strictly=strictly) }}
{% endtest %}
