{# dbt_expectations.expression_between(model, expression, min_value, max_value,
   group_by_columns, row_condition, strictly): expression_is_true over
   "min <= expression <= max" (strict bounds with strictly=True; either bound may be
   omitted, not both). Also usable as a test. #}

{% test expression_between(model, expression, min_value=None, max_value=None, group_by_columns=None, row_condition=None, strictly=False) %}
    {{ dbt_expectations.expression_between(model, expression, min_value, max_value, group_by_columns, row_condition, strictly) }}
{% endtest %}

{% macro expression_between(model, expression, min_value, max_value, group_by_columns, row_condition, strictly) %}
    {%- if min_value is none and max_value is none -%}
        {{ exceptions.raise_compiler_error("You have to provide either a min_value, max_value or both.") }}
    {%- endif -%}
    {%- set eq = '' if strictly else '=' -%}
    {%- set expr = expression | trim -%}
    {%- set bounds = ['1=1'] -%}
    {%- if min_value is not none -%}{%- do bounds.append(expr ~ ' >' ~ eq ~ ' ' ~ min_value) -%}{%- endif -%}
    {%- if max_value is not none -%}{%- do bounds.append(expr ~ ' <' ~ eq ~ ' ' ~ max_value) -%}{%- endif -%}
    {{ dbt_expectations.expression_is_true(model, expression='(' ~ (bounds | join(' and ')) ~ ')', group_by_columns=group_by_columns, row_condition=row_condition) }}
{% endmacro %}
