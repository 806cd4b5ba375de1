{# dbt_expectations test expect_column_values_to_be_in_set(model, column_name, value_set,
   quote_values=True, row_condition=None): fails for rows whose value is not in
   value_set (a null is not in any set). Values are compared as strings unless
   quote_values is false. #}

{% test expect_column_values_to_be_in_set(model, column_name, value_set, quote_values=True, row_condition=None) %}
with all_values as (
    select {{ column_name }} as value_field
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
),
set_values as (
    {%- for value in value_set %}
    select {% if quote_values %}{{ dbt.cast(dbt.string_literal(value), dbt.type_string()) }}{% else %}{{ value }}{% endif %} as value_field
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),
validation_errors as (
    select v.value_field
    from all_values as v
    left join set_values as s on v.value_field = s.value_field
    where s.value_field is null
)
select * from validation_errors
{% endtest %}
