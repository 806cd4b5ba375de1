{# dbt_expectations test expect_column_pair_values_A_to_be_greater_than_B(model, column_A,
   column_B, or_equal=False, row_condition=None): fails for rows where column_A is not
   greater than (or equal to, with or_equal) column_B. #}

{% test expect_column_pair_values_A_to_be_greater_than_B(model, column_A, column_B, or_equal=False, row_condition=None) %}
    {%- set operator = '>=' if or_equal else '>' -%}
    {{ dbt_expectations.expression_is_true(model, expression=column_A ~ ' ' ~ operator ~ ' ' ~ column_B, group_by_columns=None, row_condition=row_condition) }}
{% endtest %}
