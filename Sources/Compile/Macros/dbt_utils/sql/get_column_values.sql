{# dbt_utils.get_column_values(table, column, order_by='count(*) desc', max_records=none,
   default=none, where=none): the distinct values of a column as a list, most frequent
   first by default. At parse time: `default` (or []). A missing relation returns
   `default`, or is an error when no default is given. #}

{% macro get_column_values(table, column, order_by='count(*) desc', max_records=none, default=none, where=none) -%}
    {{ return(adapter.dispatch('get_column_values', 'dbt_utils')(table, column, order_by, max_records, default, where)) }}
{% endmacro %}

{% macro default__get_column_values(table, column, order_by='count(*) desc', max_records=none, default=none, where=none) -%}
    {%- if not execute -%}
        {{ return(default if default else []) }}
    {%- endif -%}
    {%- do dbt_utils._is_ephemeral(table, 'get_column_values') -%}
    {%- set existing = adapter.get_relation(database=table.database, schema=table.schema, identifier=table.identifier) -%}
    {%- if existing is none -%}
        {%- if default is none -%}
            {{ exceptions.raise_compiler_error("In get_column_values(): relation " ~ table ~ " does not exist and no default value was provided.") }}
        {%- endif -%}
        {%- do log("Relation " ~ table ~ " does not exist. Returning the default value: " ~ default) -%}
        {{ return(default) }}
    {%- endif -%}
    {%- set query -%}
        select {{ column }} as value
        from {{ table }}
        {%- if where is not none %}
        where {{ where }}
        {%- endif %}
        group by {{ column }}
        order by {{ order_by }}
        {%- if max_records is not none %}
        limit {{ max_records }}
        {%- endif %}
    {%- endset -%}
    {%- set result = run_query(query) -%}
    {%- if result is not none and result.rows | length > 0 -%}
        {{ return(result.columns[0].values() | list) }}
    {%- else -%}
        {{ return(default) }}
    {%- endif -%}
{%- endmacro %}
