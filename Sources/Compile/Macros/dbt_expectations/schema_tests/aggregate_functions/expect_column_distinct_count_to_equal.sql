{# dbt_expectations test expect_column_distinct_count_to_equal(model, column_name, value,
   group_by=None, row_condition=None): fails when count(distinct column) (per group)
   is not `value`. #}

{% test expect_column_distinct_count_to_equal(model, column_name, value, group_by=None, row_condition=None) %}
    {{ dbt_expectations.expression_is_true(model, expression='count(distinct ' ~ column_name ~ ') = ' ~ value, group_by_columns=group_by, row_condition=row_condition) }}
{%- endtest -%}
