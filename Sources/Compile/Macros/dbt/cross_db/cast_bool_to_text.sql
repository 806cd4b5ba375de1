{# dbt.cast_bool_to_text(field): a boolean as the text 'true' / 'false' (null stays null). #}

{% macro cast_bool_to_text(field) %}
  {{ adapter.dispatch('cast_bool_to_text', 'dbt')(field) }}
{% endmacro %}

{% macro default__cast_bool_to_text(field) -%}
    cast({{ field }} as {{ dbt.type_string() }})
{%- endmacro %}

{# Redshift cannot cast boolean to text; SQLite stores booleans as 0/1. #}
{% macro redshift__cast_bool_to_text(field) -%}
    case when {{ field }} is true then 'true' when {{ field }} is false then 'false' end::text
{%- endmacro %}

{% macro sqlite__cast_bool_to_text(field) -%}
    case when ({{ field }}) then 'true' when not ({{ field }}) then 'false' end
{%- endmacro %}
