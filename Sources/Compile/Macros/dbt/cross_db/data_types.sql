{# dbt.type_string / type_timestamp / type_float / type_numeric / type_bigint / type_int /
   type_boolean: portable column type names. The defaults are what dbt's
   api.Column.translate_type gives on PostgreSQL and Redshift. On SQLite they are
   affinity names; timestamps are ISO-8601 TEXT (a TIMESTAMP cast would have NUMERIC
   affinity and truncate the text to its year). #}

{%- macro type_string() -%}
    {{ return(adapter.dispatch('type_string', 'dbt')()) }}
{%- endmacro -%}

{% macro default__type_string() %}{{ return('TEXT') }}{% endmacro %}

{%- macro type_timestamp() -%}
    {{ return(adapter.dispatch('type_timestamp', 'dbt')()) }}
{%- endmacro -%}

{% macro default__type_timestamp() %}{{ return('timestamp') }}{% endmacro %}
{% macro sqlite__type_timestamp() %}{{ return('TEXT') }}{% endmacro %}

{%- macro type_float() -%}
    {{ return(adapter.dispatch('type_float', 'dbt')()) }}
{%- endmacro -%}

{% macro default__type_float() %}{{ return('float') }}{% endmacro %}
{% macro sqlite__type_float() %}{{ return('REAL') }}{% endmacro %}

{%- macro type_numeric() -%}
    {{ return(adapter.dispatch('type_numeric', 'dbt')()) }}
{%- endmacro -%}

{% macro default__type_numeric() %}{{ return('numeric(28,6)') }}{% endmacro %}
{% macro sqlite__type_numeric() %}{{ return('NUMERIC') }}{% endmacro %}

{%- macro type_bigint() -%}
    {{ return(adapter.dispatch('type_bigint', 'dbt')()) }}
{%- endmacro -%}

{% macro default__type_bigint() %}{{ return('bigint') }}{% endmacro %}
{% macro sqlite__type_bigint() %}{{ return('INTEGER') }}{% endmacro %}

{%- macro type_int() -%}
    {{ return(adapter.dispatch('type_int', 'dbt')()) }}
{%- endmacro -%}

{% macro default__type_int() %}{{ return('integer') }}{% endmacro %}
{% macro sqlite__type_int() %}{{ return('INTEGER') }}{% endmacro %}

{%- macro type_boolean() -%}
    {{ return(adapter.dispatch('type_boolean', 'dbt')()) }}
{%- endmacro -%}

{% macro default__type_boolean() %}{{ return('boolean') }}{% endmacro %}
{% macro sqlite__type_boolean() %}{{ return('INTEGER') }}{% endmacro %}
