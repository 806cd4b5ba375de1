{# dbt_expectations.ignore_row_if_expression(ignore_row_if, columns): the row filter for
   multi-column expectations — skip rows where all ('all_values_are_missing') or any
   ('any_value_is_missing') of the columns are null. #}

{% macro ignore_row_if_expression(ignore_row_if, columns) %}
    {{ adapter.dispatch('ignore_row_if_expression', 'dbt_expectations')(ignore_row_if, columns) }}
{% endmacro %}

{% macro default__ignore_row_if_expression(ignore_row_if, columns) -%}
    {%- set allowed = ['all_values_are_missing', 'any_value_is_missing'] -%}
    {%- if ignore_row_if not in allowed -%}
        {{ exceptions.raise_compiler_error("`ignore_row_if` must be one of " ~ (allowed | join(", ")) ~ ". Got: '" ~ ignore_row_if ~ "'.'") }}
    {%- endif -%}
    {%- set joiner = ' and ' if ignore_row_if == 'all_values_are_missing' else ' or ' -%}
    {%- set checks = [] -%}
    {%- for column in columns -%}{%- do checks.append(column ~ ' is null') -%}{%- endfor -%}
    not ({{ checks | join(joiner) }})
{%- endmacro %}
