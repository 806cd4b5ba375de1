{# dbt_expectations test expect_compound_columns_to_be_unique(model, column_list,
   quote_columns=False, ignore_row_if="all_values_are_missing", row_condition=None):
   fails for each combination of values occurring more than once, skipping rows whose
   columns are all (or, with "any_value_is_missing", any) null. #}

{% test expect_compound_columns_to_be_unique(model, column_list, quote_columns=False, ignore_row_if="all_values_are_missing", row_condition=None) %}
    {%- if not column_list -%}
        {{ exceptions.raise_compiler_error("`column_list` must be specified as a list of columns. Got: '" ~ column_list ~ "'.'") }}
    {%- endif -%}
    {%- if quote_columns not in [true, false] -%}
        {{ exceptions.raise_compiler_error("`quote_columns` argument for expect_compound_columns_to_be_unique test must be one of [True, False] Got: '" ~ quote_columns ~ "'.'") }}
    {%- endif -%}
    {%- set columns = [] -%}
    {%- for column in column_list -%}
        {%- do columns.append(adapter.quote(column) if quote_columns else column) -%}
    {%- endfor -%}
    {%- set filters = [] -%}
    {%- if row_condition -%}{%- do filters.append('(' ~ row_condition ~ ')') -%}{%- endif -%}
    {%- do filters.append(dbt_expectations.ignore_row_if_expression(ignore_row_if, columns) | trim) %}
with validation_errors as (
    select
        {{ columns | join(', ') }},
        count(*) as {{ adapter.quote('n_records') }}
    from {{ model }}
    where {{ filters | join('\n      and ') }}
    group by {{ columns | join(', ') }}
    having count(*) > 1
)
select * from validation_errors
{% endtest %}
