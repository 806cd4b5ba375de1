{# dbt.listagg(measure, delimiter_text="','", order_by_clause=none, limit_num=none):
   aggregate a column into one delimited string. delimiter_text is a SQL string literal
   (quotes included); order_by_clause is a full "order by ..." clause. #}

{% macro listagg(measure, delimiter_text="','", order_by_clause=none, limit_num=none) -%}
    {{ return(adapter.dispatch('listagg', 'dbt')(measure, delimiter_text, order_by_clause, limit_num)) }}
{%- endmacro %}

{% macro default__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- if limit_num -%}
    array_to_string(
        array_slice(array_agg({{ measure }}){% if order_by_clause %} within group ({{ order_by_clause }}){% endif %}, 0, {{ limit_num }}),
        {{ delimiter_text }}
    )
    {%- else -%}
    listagg({{ measure }}, {{ delimiter_text }}){% if order_by_clause %} within group ({{ order_by_clause }}){% endif %}
    {%- endif -%}
{%- endmacro %}

{% macro postgres__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- if limit_num -%}
    array_to_string(
        (array_agg({{ measure }}{% if order_by_clause %} {{ order_by_clause }}{% endif %}))[1:{{ limit_num }}],
        {{ delimiter_text }}
    )
    {%- else -%}
    string_agg({{ measure }}, {{ delimiter_text }}{% if order_by_clause %} {{ order_by_clause }}{% endif %})
    {%- endif -%}
{%- endmacro %}

{# Regex that keeps the first n delimited items of an aggregated string: used where the
   warehouse cannot limit inside the aggregate. Like dbt's, it assumes the measure never
   contains the delimiter. #}
{% macro _listagg_first_n_regex(delimiter_text, limit_num) -%}
    {%- set ns = namespace(d='') -%}
    {%- set raw = delimiter_text | trim -%}
    {%- if raw[0] == "'" and raw[-1] == "'" -%}{%- set raw = raw[1:-1] | replace("''", "'") -%}{%- endif -%}
    {%- for ch in raw -%}
        {%- if ch in '\\^$.|?*+()[]{}' -%}
            {%- set ns.d = ns.d ~ '\\' ~ ch -%}
        {%- else -%}
            {%- set ns.d = ns.d ~ ch -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set item = '((?!' ~ ns.d ~ ').)*' if raw | length > 1 else '[^' ~ ns.d ~ ']*' -%}
    {%- if limit_num | int <= 1 -%}
        '^{{ item | replace("'", "''") }}'
    {%- else -%}
        '^({{ item | replace("'", "''") }}{{ ns.d | replace("'", "''") }}){0,{{ limit_num | int - 1 }}}{{ item | replace("'", "''") }}'
    {%- endif -%}
{%- endmacro %}

{# Redshift cannot limit inside listagg; a PCRE ('p') regexp_substr keeps the first n items. #}
{% macro redshift__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- set agg -%}
    listagg({{ measure }}, {{ delimiter_text }}){% if order_by_clause %} within group ({{ order_by_clause }}){% endif %}
    {%- endset -%}
    {%- if limit_num -%}
    regexp_substr({{ agg }}, {{ dbt._listagg_first_n_regex(delimiter_text, limit_num) }}, 1, 1, 'p')
    {%- else -%}
    {{ agg }}
    {%- endif -%}
{%- endmacro %}

{# SQLite: group_concat. An order_by_clause inside the aggregate needs SQLite 3.44 or
   later; the limit uses regexp_substr from ingot's SQLite function library. #}
{% macro sqlite__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- set agg -%}
    group_concat({{ measure }}, {{ delimiter_text }}{% if order_by_clause %} {{ order_by_clause }}{% endif %})
    {%- endset -%}
    {%- if limit_num -%}
    regexp_substr({{ agg }}, {{ dbt._listagg_first_n_regex(delimiter_text, limit_num) }})
    {%- else -%}
    {{ agg }}
    {%- endif -%}
{%- endmacro %}
