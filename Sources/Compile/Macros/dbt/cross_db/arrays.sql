{# dbt.array_construct / array_append / array_concat. PostgreSQL arrays; Redshift SUPER
   arrays; on SQLite arrays are JSON array text (json1 functions). #}

{% macro array_construct(inputs=[], data_type='integer') -%}
    {{ return(adapter.dispatch('array_construct', 'dbt')(inputs, data_type)) }}
{%- endmacro %}

{% macro default__array_construct(inputs, data_type) -%}
    {%- if inputs | length > 0 -%}
    array[{{ inputs | join(', ') }}]
    {%- else -%}
    array[]::{{ data_type }}[]
    {%- endif -%}
{%- endmacro %}

{% macro redshift__array_construct(inputs, data_type) -%}
    array({{ inputs | join(', ') }})
{%- endmacro %}

{% macro sqlite__array_construct(inputs, data_type) -%}
    json_array({{ inputs | join(', ') }})
{%- endmacro %}

{% macro array_append(array, new_element) -%}
    {{ return(adapter.dispatch('array_append', 'dbt')(array, new_element)) }}
{%- endmacro %}

{% macro default__array_append(array, new_element) -%}
    array_append({{ array }}, {{ new_element }})
{%- endmacro %}

{% macro redshift__array_append(array, new_element) -%}
    {{ dbt.array_concat(array, dbt.array_construct([new_element])) }}
{%- endmacro %}

{% macro sqlite__array_append(array, new_element) -%}
    json_insert({{ array }}, '$[#]', {{ new_element }})
{%- endmacro %}

{% macro array_concat(array_1, array_2) -%}
    {{ return(adapter.dispatch('array_concat', 'dbt')(array_1, array_2)) }}
{%- endmacro %}

{% macro default__array_concat(array_1, array_2) -%}
    array_cat({{ array_1 }}, {{ array_2 }})
{%- endmacro %}

{% macro redshift__array_concat(array_1, array_2) -%}
    array_concat({{ array_1 }}, {{ array_2 }})
{%- endmacro %}

{% macro sqlite__array_concat(array_1, array_2) -%}
    (select json_group_array(value) from (
        select 1 as part, key, value from json_each({{ array_1 }})
        union all
        select 2 as part, key, value from json_each({{ array_2 }})
        order by part, key
    ))
{%- endmacro %}
