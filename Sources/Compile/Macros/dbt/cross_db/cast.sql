{# dbt.cast(field, type) and dbt.safe_cast(field, type).
   SQLite applies type affinity in CAST: casting ISO-8601 text to DATE or TIMESTAMP
   (NUMERIC affinity) would keep only the leading year, so the SQLite variants map
   date and timestamp targets onto SQLite's date()/datetime() normalisers instead. #}

{% macro cast(field, type) %}
  {{ return(adapter.dispatch('cast', 'dbt')(field, type)) }}
{% endmacro %}

{% macro default__cast(field, type) -%}
    cast({{ field }} as {{ type }})
{%- endmacro %}

{% macro sqlite__cast(field, type) -%}
    {%- set t = (type | string | trim | lower) -%}
    {%- if t == 'date' -%}
        date({{ field }})
    {%- elif 'timestamp' in t or 'datetime' in t -%}
        datetime({{ field }})
    {%- else -%}
        cast({{ field }} as {{ type }})
    {%- endif -%}
{%- endmacro %}

{# None of the three warehouses has try_cast, so safe_cast is a plain cast there. #}
{% macro safe_cast(field, type) %}
  {{ return(adapter.dispatch('safe_cast', 'dbt')(field, type)) }}
{% endmacro %}

{% macro default__safe_cast(field, type) -%}
    cast({{ field }} as {{ type }})
{%- endmacro %}

{% macro sqlite__safe_cast(field, type) -%}
    {{ dbt.cast(field, type) }}
{%- endmacro %}
