{# dbt.current_timestamp() and the deprecated current_timestamp_backcompat() /
   current_timestamp_in_utc_backcompat() kept for projects that moved from
   dbt_utils.current_timestamp. On SQLite timestamps are ISO-8601 text in UTC. #}

{%- macro current_timestamp() -%}
    {{ adapter.dispatch('current_timestamp', 'dbt')() }}
{%- endmacro -%}

{% macro default__current_timestamp() -%}
    {{ exceptions.raise_not_implemented('current_timestamp macro not implemented for adapter ' ~ adapter.type()) }}
{%- endmacro %}

{% macro postgres__current_timestamp() -%}
    now()
{%- endmacro %}

{% macro redshift__current_timestamp() -%}
    getdate()
{%- endmacro %}

{% macro sqlite__current_timestamp() -%}
    datetime('now')
{%- endmacro %}

{% macro current_timestamp_backcompat() %}
    {{ return(adapter.dispatch('current_timestamp_backcompat', 'dbt')()) }}
{% endmacro %}

{% macro default__current_timestamp_backcompat() -%}
    current_timestamp::{{ dbt.type_timestamp() }}
{%- endmacro %}

{% macro redshift__current_timestamp_backcompat() -%}
    getdate()
{%- endmacro %}

{% macro sqlite__current_timestamp_backcompat() -%}
    datetime('now')
{%- endmacro %}

{% macro current_timestamp_in_utc_backcompat() %}
    {{ return(adapter.dispatch('current_timestamp_in_utc_backcompat', 'dbt')()) }}
{% endmacro %}

{% macro default__current_timestamp_in_utc_backcompat() -%}
    {{ return(adapter.dispatch('current_timestamp_backcompat', 'dbt')()) }}
{%- endmacro %}

{% macro postgres__current_timestamp_in_utc_backcompat() -%}
    (current_timestamp at time zone 'utc')::{{ dbt.type_timestamp() }}
{%- endmacro %}

{% macro redshift__current_timestamp_in_utc_backcompat() -%}
    getdate()
{%- endmacro %}
