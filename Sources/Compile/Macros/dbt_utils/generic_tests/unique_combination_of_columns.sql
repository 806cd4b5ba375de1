{# dbt_utils test unique_combination_of_columns(model, combination_of_columns,
   quote_columns=false): fails for each combination of values that occurs more than once. #}

{% test unique_combination_of_columns(model, combination_of_columns, quote_columns=false) %}
    {{ return(adapter.dispatch('test_unique_combination_of_columns', 'dbt_utils')(model, combination_of_columns, quote_columns)) }}
{% endtest %}

{% macro default__test_unique_combination_of_columns(model, combination_of_columns, quote_columns=false) %}
    {%- if quote_columns not in [true, false] -%}
        {{ exceptions.raise_compiler_error("`quote_columns` argument for unique_combination_of_columns test must be one of [True, False] Got: '" ~ quote_columns ~ "'.'") }}
    {%- endif -%}
    {%- set columns = [] -%}
    {%- for column in combination_of_columns -%}
        {%- do columns.append(adapter.quote(column) if quote_columns else column) -%}
    {%- endfor -%}
    {%- set column_list = columns | join(', ') %}
with validation_errors as (
    select {{ column_list }}
    from {{ model }}
    group by {{ column_list }}
    having count(*) > 1
)
select * from validation_errors
{% endmacro %}
