{# dbt_utils.slugify(string): a safe unquoted identifier — lower case, runs of spaces and
   dashes become one underscore, other characters outside [a-z0-9_] are dropped, and a
   leading digit gets an underscore in front. #}

{% macro slugify(string) %}
    {%- if not string -%}
        {{ return('') }}
    {%- endif -%}
    {%- set ns = namespace(out='', in_gap=false) -%}
    {%- for ch in string | string | lower -%}
        {%- if ch == ' ' or ch == '-' -%}
            {%- if not ns.in_gap -%}{%- set ns.out = ns.out ~ '_' -%}{%- endif -%}
            {%- set ns.in_gap = true -%}
        {%- else -%}
            {%- set ns.in_gap = false -%}
            {%- if ch in 'abcdefghijklmnopqrstuvwxyz0123456789_' -%}
                {%- set ns.out = ns.out ~ ch -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if ns.out and ns.out[0] in '0123456789' -%}
        {%- set ns.out = '_' ~ ns.out -%}
    {%- endif -%}
    {{ return(ns.out) }}
{% endmacro %}
