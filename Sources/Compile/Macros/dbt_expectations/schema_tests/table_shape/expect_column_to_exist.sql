{# dbt_expectations test expect_column_to_exist(model, column_name, column_index=None,
   transform="upper"): fails when the relation has no such column (names compared after
   the `transform` filter), or — with column_index (1-based) — when it is elsewhere.
   Introspects the relation, so it renders nothing at parse time. #}

{%- macro _get_column_list(model, transform="upper") -%}
    {%- set names = adapter.get_columns_in_relation(model) | map(attribute='name') | map(transform) | list -%}
    {%- do return(names) -%}
{%- endmacro -%}

{%- test expect_column_to_exist(model, column_name, column_index=None, transform="upper") -%}
{%- if execute -%}
    {%- set wanted = [column_name] | map(transform) | first -%}
    {%- set names = dbt_expectations._get_column_list(model, transform) -%}
    {%- set found_at = names.index(wanted) if wanted in names else -1 -%}
    {%- if column_index -%}
        {%- set expected_at = column_index - 1 if column_index > 0 else 0 -%}
        {%- set index_matches = found_at == expected_at -%}
    {%- else -%}
        {%- set index_matches = true -%}
    {%- endif %}
with test_data as (
    select
        {{ dbt.cast(dbt.string_literal(wanted), dbt.type_string()) }} as column_name,
        {{ found_at }} as matching_column_index,
        {{ 'true' if index_matches else 'false' }} as column_index_matches
)
select *
from test_data
where not (matching_column_index >= 0 and column_index_matches)
{%- endif -%}
{%- endtest -%}
