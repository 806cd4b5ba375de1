{# dbt.hash(field): hex md5 of the field's text form. md5() is native on PostgreSQL and
   Redshift and provided by ingot's SQLite function library. #}

{% macro hash(field) -%}
  {{ return(adapter.dispatch('hash', 'dbt')(field)) }}
{%- endmacro %}

{% macro default__hash(field) -%}
    md5(cast({{ field }} as {{ dbt.type_string() }}))
{%- endmacro %}
