{# dbt.split_part(string_text, delimiter_text, part_number): the part_number-th piece of
   string_text split on delimiter_text (1-based; negative counts from the end). #}

{% macro split_part(string_text, delimiter_text, part_number) %}
  {{ return(adapter.dispatch('split_part', 'dbt')(string_text, delimiter_text, part_number)) }}
{% endmacro %}

{% macro default__split_part(string_text, delimiter_text, part_number) -%}
    split_part({{ string_text }}, {{ delimiter_text }}, {{ part_number }})
{%- endmacro %}

{# For warehouses whose split_part only counts from the start: turn a negative part
   number into a positive one from the number of delimiters in the string. #}
{% macro _split_part_negative(string_text, delimiter_text, part_number) -%}
    split_part(
        {{ string_text }},
        {{ delimiter_text }},
        (length({{ string_text }}) - length(replace({{ string_text }}, {{ delimiter_text }}, ''))) / length({{ delimiter_text }}) + 2 + ({{ part_number }})
    )
{%- endmacro %}

{% macro postgres__split_part(string_text, delimiter_text, part_number) -%}
    {%- if part_number | int >= 0 -%}
        {{ dbt.default__split_part(string_text, delimiter_text, part_number) }}
    {%- else -%}
        {{ dbt._split_part_negative(string_text, delimiter_text, part_number) }}
    {%- endif -%}
{%- endmacro %}

{% macro sqlite__split_part(string_text, delimiter_text, part_number) -%}
    {{ dbt.postgres__split_part(string_text, delimiter_text, part_number) }}
{%- endmacro %}
