{# Converts an integer amount of cents to euros with two decimals. #}
{% macro cents_to_euros(column_name, scale=2) -%}
    round({{ column_name }} / 100.0, {{ scale }})
{%- endmacro %}
