{# dbt_expectations.type_timestamp() and type_datetime(): the timestamp type the
   expectations cast to (PostgreSQL spells out "without time zone"). #}

{%- macro type_timestamp() -%}
    {{ return(adapter.dispatch('type_timestamp', 'dbt_expectations')()) }}
{%- endmacro -%}

{% macro default__type_timestamp() %}{{ return('timestamp') }}{% endmacro %}
{% macro postgres__type_timestamp() %}{{ return('timestamp without time zone') }}{% endmacro %}
{% macro redshift__type_timestamp() %}{{ return('timestamp') }}{% endmacro %}

{%- macro type_datetime() -%}
    {{ return(adapter.dispatch('type_datetime', 'dbt_expectations')()) }}
{%- endmacro -%}

{% macro default__type_datetime() %}{{ return('datetime') }}{% endmacro %}
{% macro postgres__type_datetime() %}{{ return('timestamp without time zone') }}{% endmacro %}
{% macro redshift__type_datetime() %}{{ return('timestamp') }}{% endmacro %}
{% macro sqlite__type_datetime() %}{{ return('timestamp') }}{% endmacro %}
