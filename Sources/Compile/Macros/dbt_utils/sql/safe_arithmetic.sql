{# dbt_utils.safe_add(field_list), safe_subtract(field_list), safe_divide(numerator,
   denominator): arithmetic that treats null operands as 0 (add, subtract) or returns
   null instead of dividing by zero. #}

{%- macro safe_add(field_list) -%}
    {{ return(adapter.dispatch('safe_add', 'dbt_utils')(field_list)) }}
{% endmacro %}

{%- macro default__safe_add(field_list) -%}
    {%- if field_list is string or field_list is mapping or field_list is not iterable -%}
        {%- do exceptions.warn("Warning: the `safe_add` macro now takes a single list argument instead of string arguments. The " ~ model.package_name ~ "." ~ model.name ~ " model triggered this warning.") -%}
    {%- endif -%}
    {%- set terms = [] -%}
    {%- for field in field_list -%}
        {%- do terms.append('coalesce(' ~ field ~ ', 0)') -%}
    {%- endfor -%}
    {{ terms | join(' +\n  ') }}
{%- endmacro -%}

{%- macro safe_subtract(field_list) -%}
    {{ return(adapter.dispatch('safe_subtract', 'dbt_utils')(field_list)) }}
{% endmacro %}

{%- macro default__safe_subtract(field_list) -%}
    {%- if field_list is string or field_list is mapping or field_list is not iterable -%}
        {%- do exceptions.raise_compiler_error("Warning: the `safe_subtract` macro takes a single list argument instead of string arguments. The " ~ model.package_name ~ "." ~ model.name ~ " model triggered this warning.") -%}
    {%- endif -%}
    {%- set terms = [] -%}
    {%- for field in field_list -%}
        {%- do terms.append('coalesce(' ~ field ~ ', 0)') -%}
    {%- endfor -%}
    {{ terms | join(' -\n  ') }}
{%- endmacro -%}

{% macro safe_divide(numerator, denominator) -%}
    {{ return(adapter.dispatch('safe_divide', 'dbt_utils')(numerator, denominator)) }}
{%- endmacro %}

{% macro default__safe_divide(numerator, denominator) -%}
    ({{ numerator }}) / nullif(({{ denominator }}), 0)
{%- endmacro %}
