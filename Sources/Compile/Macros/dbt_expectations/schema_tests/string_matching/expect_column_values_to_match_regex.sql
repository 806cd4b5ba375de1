{# dbt_expectations test expect_column_values_to_match_regex(model, column_name, regex,
   row_condition=None, is_raw=False, flags=""): fails for values that do not match
   the regex (nulls pass). #}

{% test expect_column_values_to_match_regex(model, column_name, regex, row_condition=None, is_raw=False, flags="") %}
    {%- set expression = (dbt_expectations.regexp_instr(column_name, regex, is_raw=is_raw, flags=flags) | trim) ~ ' > 0' -%}
    {{ dbt_expectations.expression_is_true(model, expression=expression, group_by_columns=None, row_condition=row_condition) }}
{% endtest %}
