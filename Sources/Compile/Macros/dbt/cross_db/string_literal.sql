{# dbt.string_literal(value) and dbt.escape_single_quotes(expression): quoting helpers
   for building SQL string literals. #}

{%- macro string_literal(value) -%}
  {{ return(adapter.dispatch('string_literal', 'dbt')(value)) }}
{%- endmacro -%}

{% macro default__string_literal(value) -%}
    '{{ dbt.escape_single_quotes(value | string) }}'
{%- endmacro %}

{% macro escape_single_quotes(expression) %}
  {{ return(adapter.dispatch('escape_single_quotes', 'dbt')(expression)) }}
{% endmacro %}

{# they're -> they''re #}
{% macro default__escape_single_quotes(expression) -%}
    {{ expression | replace("'", "''") }}
{%- endmacro %}
