{# dbt_utils.get_relations_by_pattern(schema_pattern, table_pattern, exclude='',
   database=target.database): relations whose schema and name match SQL LIKE patterns
   (case-insensitive; `exclude` is a pattern to leave out), as api.Relation objects.
   Helpers: get_tables_by_pattern_sql (the lookup query, per warehouse) and
   get_table_types_sql (information_schema table_type -> dbt relation type). #}

{% macro get_relations_by_pattern(schema_pattern, table_pattern, exclude='', database=target.database) %}
    {{ return(adapter.dispatch('get_relations_by_pattern', 'dbt_utils')(schema_pattern, table_pattern, exclude, database)) }}
{% endmacro %}

{% macro default__get_relations_by_pattern(schema_pattern, table_pattern, exclude='', database=target.database) %}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set result = run_query(dbt_utils.get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude, database)) -%}
    {%- set found = [] -%}
    {%- if result is not none -%}
        {%- for row in result.rows -%}
            {%- do found.append(api.Relation.create(database=database, schema=row[0], identifier=row[1], type=row[2])) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(found) }}
{% endmacro %}

{% macro get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude='', database=target.database) %}
    {{ return(adapter.dispatch('get_tables_by_pattern_sql', 'dbt_utils')(schema_pattern, table_pattern, exclude, database)) }}
{% endmacro %}

{% macro default__get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude='', database=target.database) %}
    select distinct
        table_schema as {{ adapter.quote('table_schema') }},
        table_name as {{ adapter.quote('table_name') }},
        {{ dbt_utils.get_table_types_sql() }}
    from {{ database }}.information_schema.tables
    where table_schema ilike '{{ schema_pattern }}'
      and table_name ilike '{{ table_pattern }}'
      and table_name not ilike '{{ exclude }}'
{% endmacro %}

{# Redshift: information_schema.tables does not list external (Spectrum) tables. #}
{% macro redshift__get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude='', database=target.database) %}
    select distinct
        table_schema as {{ adapter.quote('table_schema') }},
        table_name as {{ adapter.quote('table_name') }},
        {{ dbt_utils.get_table_types_sql() }}
    from "{{ database }}"."information_schema"."tables"
    where table_schema ilike '{{ schema_pattern }}'
      and table_name ilike '{{ table_pattern }}'
      and table_name not ilike '{{ exclude }}'
    union all
    select distinct
        schemaname as {{ adapter.quote('table_schema') }},
        tablename as {{ adapter.quote('table_name') }},
        'external' as {{ adapter.quote('table_type') }}
    from svv_external_tables
    where redshift_database_name = '{{ database }}'
      and schemaname ilike '{{ schema_pattern }}'
      and tablename ilike '{{ table_pattern }}'
      and tablename not ilike '{{ exclude }}'
{% endmacro %}

{# SQLite: schemas are attached databases, each with its own sqlite_master; LIKE is
   case-insensitive for ASCII, like ilike. Lists the matching schemas first. #}
{% macro sqlite__get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude='', database=target.database) %}
    {%- set schemas = [] -%}
    {%- if execute -%}
        {%- set listed = run_query("select name from pragma_database_list where name like '" ~ schema_pattern ~ "' and name <> 'temp' order by seq") -%}
        {%- for row in listed.rows -%}{%- do schemas.append(row[0]) -%}{%- endfor -%}
    {%- endif -%}
    {%- if schemas | length == 0 -%}
        select '' as table_schema, '' as table_name, '' as table_type where 1 = 0
    {%- else -%}
        {%- for schema in schemas %}
    select
        '{{ schema }}' as table_schema,
        name as table_name,
        case type when 'view' then 'view' else 'table' end as table_type
    from {{ adapter.quote(schema) }}.sqlite_master
    where type in ('table', 'view')
      and name not like 'sqlite\_%' escape '\'
      and name like '{{ table_pattern }}'
      and name not like '{{ exclude }}'
        {%- if not loop.last %}
    union all
        {%- endif %}
        {%- endfor %}
    {%- endif -%}
{% endmacro %}

{% macro get_table_types_sql() %}
    {{ return(adapter.dispatch('get_table_types_sql', 'dbt_utils')()) }}
{% endmacro %}

{% macro default__get_table_types_sql() -%}
    case table_type
        when 'BASE TABLE' then 'table'
        when 'EXTERNAL TABLE' then 'external'
        when 'MATERIALIZED VIEW' then 'materializedview'
        else lower(table_type)
    end as {{ adapter.quote('table_type') }}
{%- endmacro %}

{% macro postgres__get_table_types_sql() -%}
    case table_type
        when 'BASE TABLE' then 'table'
        when 'FOREIGN' then 'external'
        when 'MATERIALIZED VIEW' then 'materializedview'
        else lower(table_type)
    end as {{ adapter.quote('table_type') }}
{%- endmacro %}
