{# dbt_expectations.expression_is_true(model, expression, test_condition="= true",
   group_by_columns=None, row_condition=None): the engine behind most expectations.
   Evaluates `expression` per row (or per group when group_by_columns is given, for
   aggregate expressions) over the rows matching row_condition, and returns those where
   `expression <test_condition>` is not true. Also usable as a test. #}

{% test expression_is_true(model, expression, test_condition="= true", group_by_columns=None, row_condition=None) %}
    {{ dbt_expectations.expression_is_true(model, expression, test_condition, group_by_columns, row_condition) }}
{% endtest %}

{% macro expression_is_true(model, expression, test_condition="= true", group_by_columns=None, row_condition=None) %}
    {{ adapter.dispatch('expression_is_true', 'dbt_expectations')(model, expression, test_condition, group_by_columns, row_condition) }}
{%- endmacro %}

{% macro default__expression_is_true(model, expression, test_condition, group_by_columns, row_condition) -%}
with grouped_expression as (
    select
        {%- for column in (group_by_columns or []) %}
        {{ column }} as col_{{ loop.index }},
        {%- endfor %}
        {{ dbt_expectations.truth_expression(expression) }}
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
    {%- if group_by_columns %}
    group by {{ group_by_columns | join(', ') }}
    {%- endif %}
),
validation_errors as (
    select *
    from grouped_expression
    where not (expression {{ test_condition }})
)
select * from validation_errors
{%- endmacro %}

{% macro truth_expression(expression) %}
    {{ adapter.dispatch('truth_expression', 'dbt_expectations')(expression) }}
{% endmacro %}

{% macro default__truth_expression(expression) -%}
    {{ expression | trim }} as expression
{%- endmacro %}
