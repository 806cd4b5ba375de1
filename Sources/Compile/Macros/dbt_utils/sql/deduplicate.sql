{# dbt_utils.deduplicate(relation, partition_by, order_by): the first row of each
   partition by the given order. `relation` may be a relation or a CTE name. #}

{%- macro deduplicate(relation, partition_by, order_by) -%}
    {{ return(adapter.dispatch('deduplicate', 'dbt_utils')(relation, partition_by, order_by)) }}
{% endmacro %}

{# Generic: number the rows, then natural-join back on every original column so the
   helper column does not leak into the result (rows with nulls cannot match). #}
{%- macro default__deduplicate(relation, partition_by, order_by) -%}
    with ranked as (
        select
            candidate.*,
            row_number() over (partition by {{ partition_by }} order by {{ order_by }}) as rn
        from {{ relation }} as candidate
    )
    select distinct original.*
    from {{ relation }} as original
    natural join ranked
    where ranked.rn = 1
{%- endmacro -%}

{# Redshift has QUALIFY. #}
{%- macro redshift__deduplicate(relation, partition_by, order_by) -%}
    select *
    from {{ relation }} as tt
    qualify row_number() over (partition by {{ partition_by }} order by {{ order_by }}) = 1
{%- endmacro -%}

{# PostgreSQL has DISTINCT ON. #}
{%- macro postgres__deduplicate(relation, partition_by, order_by) -%}
    select distinct on ({{ partition_by }}) *
    from {{ relation }}
    order by {{ partition_by }}, {{ order_by }}
{%- endmacro -%}

{# SQLite: when the columns can be listed (a real relation, at run time) select them
   explicitly around a row_number filter, which also keeps rows containing nulls;
   otherwise (a CTE name) fall back to the natural join. #}
{%- macro sqlite__deduplicate(relation, partition_by, order_by) -%}
    {%- set columns = [] -%}
    {%- if execute and relation is not string and relation.identifier is defined and not relation.is_cte -%}
        {%- for col in adapter.get_columns_in_relation(relation) -%}
            {%- do columns.append(adapter.quote(col.column)) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if columns | length == 0 -%}
        {{ dbt_utils.default__deduplicate(relation, partition_by, order_by) }}
    {%- else -%}
    select {{ columns | join(', ') }}
    from (
        select
            candidate.*,
            row_number() over (partition by {{ partition_by }} order by {{ order_by }}) as _dbt_utils_dedupe_rn
        from {{ relation }} as candidate
    ) as ranked
    where _dbt_utils_dedupe_rn = 1
    {%- endif -%}
{%- endmacro -%}
