{# Converts an integer amount of cents to euros with two decimals. #}
{% macro cents_to_euros(column_name, scale=2) -%}
    round(cast({{ column_name }} as numeric) / 100, {{ scale }})
{%- endmacro %}
