{# dbt_utils.union_relations(relations, column_override=none, include=[], exclude=[],
   source_column_name='_dbt_source_relation', where=none): union all of several
   relations over the superset of their columns (first-seen order), casting each column
   to one type and filling missing columns with null; a column naming the source
   relation leads each row. '' at parse time. #}

{%- macro union_relations(relations, column_override=none, include=[], exclude=[], source_column_name='_dbt_source_relation', where=none) -%}
    {{ return(adapter.dispatch('union_relations', 'dbt_utils')(relations, column_override, include, exclude, source_column_name, where)) }}
{% endmacro %}

{%- macro default__union_relations(relations, column_override=none, include=[], exclude=[], source_column_name='_dbt_source_relation', where=none) -%}
    {%- if exclude and include -%}
        {{ exceptions.raise_compiler_error("Both an exclude and include list were provided to the `union` macro. Only one is allowed") }}
    {%- endif -%}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set overrides = column_override if column_override is not none else {} -%}
    {%- set include_lower = include | map('lower') | list -%}
    {%- set exclude_lower = exclude | map('lower') | list -%}

    {#- superset: column name -> column object; present: relation index -> kept names -#}
    {%- set superset = {} -%}
    {%- set order = [] -%}
    {%- set present = [] -%}
    {%- for relation in relations -%}
        {%- do dbt_utils._is_relation(relation, 'union_relations') -%}
        {%- do dbt_utils._is_ephemeral(relation, 'union_relations') -%}
        {%- set names = [] -%}
        {%- for col in adapter.get_columns_in_relation(relation) -%}
            {%- set key = col.column | lower -%}
            {%- if (exclude and key in exclude_lower) or (include and key not in include_lower) -%}
                {#- filtered out -#}
            {%- else -%}
                {%- do names.append(col.column) -%}
                {%- if col.column not in superset -%}
                    {%- do superset.update({col.column: col}) -%}
                    {%- do order.append(col.column) -%}
                {%- else -%}
                    {#- keep the wider of two string columns -#}
                    {%- set seen = superset[col.column] -%}
                    {%- if col.is_string() and seen.is_string() and (col.string_size() or 0) > (seen.string_size() or 0) -%}
                        {%- do superset.update({col.column: col}) -%}
                    {%- endif -%}
                {%- endif -%}
            {%- endif -%}
        {%- endfor -%}
        {%- do present.append(names) -%}
    {%- endfor -%}

    {%- if (include | length > 0 or exclude | length > 0) and order | length == 0 and flags is defined and flags.WHICH in ['run', 'build'] -%}
        {{ exceptions.raise_compiler_error("There were no columns found to union for relations " ~ (relations | map(attribute='name') | join(', '))) }}
    {%- endif -%}

    {%- for relation in relations %}
    {%- set kept = present[loop.index0] %}
    select
            {%- set select_items = [] %}
            {%- if source_column_name is not none %}
            {%- do select_items.append(dbt.cast(dbt.string_literal(relation | string), dbt.type_string()) ~ ' as ' ~ source_column_name) %}
            {%- endif %}
            {%- if order | length == 0 and flags is defined and flags.WHICH == 'compile' %}
            {%- do select_items.append('*') %}
            {%- endif %}
            {%- for name in order %}
            {%- set col = superset[name] %}
            {%- set col_type = overrides.get(name, col.data_type) %}
            {%- set value = adapter.quote(name) if name in kept else 'null' %}
            {%- if col_type %}
            {%- do select_items.append(dbt.cast(value, col_type) ~ ' as ' ~ adapter.quote(name)) %}
            {%- else %}
            {%- do select_items.append(value ~ ' as ' ~ adapter.quote(name)) %}
            {%- endif %}
            {%- endfor %}
        {{ select_items | join(',\n        ') }}
    from {{ relation }}
    {%- if where %}
    where {{ where }}
    {%- endif %}
    {% if not loop.last %}union all{% endif %}
    {%- endfor -%}
{%- endmacro -%}
