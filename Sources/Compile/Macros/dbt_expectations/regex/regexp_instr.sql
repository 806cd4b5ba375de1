{# dbt_expectations.regexp_instr(source_value, regexp, position=1, occurrence=1,
   is_raw=False, flags=""): > 0 when source_value matches regexp, 0 when it does not,
   null when source_value is null. `regexp` is pasted into a SQL string literal (single
   quotes are doubled); `flags` are the warehouse's regex flags (e.g. 'i'). #}

{% macro regexp_instr(source_value, regexp, position=1, occurrence=1, is_raw=False, flags="") %}
    {{ adapter.dispatch('regexp_instr', 'dbt_expectations')(source_value, regexp, position, occurrence, is_raw, flags) }}
{% endmacro %}

{% macro _regex_literal(regexp) -%}
    '{{ regexp | replace("'", "''") }}'
{%- endmacro %}

{# Flags outside the warehouse's alphabet are reported, not fatal (a disabled test with a
   bad flag must still compile). #}
{% macro _validate_flags(flags, alphabet) %}
    {%- for flag in flags -%}
        {%- if flag not in alphabet -%}
            {%- do exceptions.warn("flag " ~ flag ~ " not in list of allowed flags for this adapter: " ~ (alphabet | list | join(", "))) -%}
        {%- endif -%}
    {%- endfor -%}
{% endmacro %}

{% macro default__regexp_instr(source_value, regexp, position, occurrence, is_raw, flags) -%}
    {%- if is_raw or flags -%}
        {%- do exceptions.warn("is_raw and flags options are not supported for this adapter and are being ignored.") -%}
    {%- endif -%}
    regexp_instr({{ source_value }}, {{ dbt_expectations._regex_literal(regexp) }}, {{ position }}, {{ occurrence }})
{%- endmacro %}

{# PostgreSQL: the ~ operator; flags become an embedded-options prefix "(?flags)". #}
{% macro postgres__regexp_instr(source_value, regexp, position, occurrence, is_raw, flags) -%}
    {%- if flags -%}{%- do dbt_expectations._validate_flags(flags, 'bcegimnpqstwx') -%}{%- endif -%}
    {%- set options = flags | replace('g', '') -%}
    {%- set pattern = ('(?' ~ options ~ ')' if options else '') ~ regexp -%}
    (({{ source_value }}) ~ {{ dbt_expectations._regex_literal(pattern) }})::integer
{%- endmacro %}

{% macro redshift__regexp_instr(source_value, regexp, position, occurrence, is_raw, flags) -%}
    {%- if flags -%}{%- do dbt_expectations._validate_flags(flags, 'ciep') -%}{%- endif -%}
    regexp_instr({{ source_value }}, {{ dbt_expectations._regex_literal(regexp) }}, {{ position }}, {{ occurrence }}, 0, '{{ flags }}')
{%- endmacro %}

{# SQLite: the REGEXP operator, backed by ingot's function library; 'i' becomes an
   inline (?i) option. #}
{% macro sqlite__regexp_instr(source_value, regexp, position, occurrence, is_raw, flags) -%}
    {%- if flags -%}{%- do dbt_expectations._validate_flags(flags, 'imsx') -%}{%- endif -%}
    {%- set pattern = ('(?' ~ flags ~ ')' if flags else '') ~ regexp -%}
    (({{ source_value }}) regexp {{ dbt_expectations._regex_literal(pattern) }})
{%- endmacro %}
