{# dbt_utils.unpivot(relation=none, cast_to='varchar', exclude=none, remove=none,
   field_name='field_name', value_name='value', quote_identifiers=False): columns to
   rows — one select per unpivoted column, unioned; `exclude` columns are carried along,
   `remove` columns dropped. Boolean columns go through dbt.cast_bool_to_text. #}

{% macro unpivot(relation=none, cast_to='varchar', exclude=none, remove=none, field_name='field_name', value_name='value', quote_identifiers=False) -%}
    {{ return(adapter.dispatch('unpivot', 'dbt_utils')(relation, cast_to, exclude, remove, field_name, value_name, quote_identifiers)) }}
{% endmacro %}

{% macro default__unpivot(relation=none, cast_to='varchar', exclude=none, remove=none, field_name='field_name', value_name='value', quote_identifiers=False) -%}
    {%- if not relation -%}
        {{ exceptions.raise_compiler_error("Error: argument `relation` is required for `unpivot` macro.") }}
    {%- endif -%}
    {%- do dbt_utils._is_relation(relation, 'unpivot') -%}
    {%- do dbt_utils._is_ephemeral(relation, 'unpivot') -%}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set exclude = exclude if exclude is not none else [] -%}
    {%- set remove = remove if remove is not none else [] -%}
    {%- set skip = (exclude | map('lower') | list) + (remove | map('lower') | list) -%}
    {%- set field_alias = adapter.quote(field_name) if quote_identifiers else field_name -%}
    {%- set value_alias = adapter.quote(value_name) if quote_identifiers else value_name -%}
    {%- set selects = [] -%}
    {%- for col in adapter.get_columns_in_relation(relation) -%}
        {%- if col.column | lower not in skip -%}
            {%- set source_name = adapter.quote(col.column) if quote_identifiers else col.column -%}
            {%- if (col.data_type | string | lower) == 'boolean' -%}
                {%- set source_name = dbt.cast_bool_to_text(source_name) | trim -%}
            {%- endif -%}
            {%- set items = [] -%}
            {%- for kept in exclude -%}
                {%- do items.append(adapter.quote(kept) if quote_identifiers else kept) -%}
            {%- endfor -%}
            {%- do items.append(dbt.cast("'" ~ dbt.escape_single_quotes(col.column) ~ "'", dbt.type_string()) ~ ' as ' ~ field_alias) -%}
            {%- do items.append(dbt.cast(source_name, cast_to) ~ ' as ' ~ value_alias) -%}
            {%- do selects.append('select\n    ' ~ (items | join(',\n    ')) ~ '\nfrom ' ~ relation) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ selects | join('\nunion all\n') }}
{%- endmacro %}
