{# String helpers: dbt.right, dbt.length, dbt.position, dbt.replace. right(), length(),
   position(a in b) and replace() exist on PostgreSQL and Redshift; SQLite has length()
   and replace() but needs substr()/instr() for the other two. On Redshift length is
   spelled len(), as dbt does. #}

{% macro right(string_text, length_expression) -%}
    {{ return(adapter.dispatch('right', 'dbt')(string_text, length_expression)) }}
{%- endmacro %}

{% macro default__right(string_text, length_expression) -%}
    right({{ string_text }}, {{ length_expression }})
{%- endmacro %}

{# RIGHT is a keyword in SQLite (RIGHT JOIN), so right(...) does not parse there. #}
{% macro sqlite__right(string_text, length_expression) -%}
    substr({{ string_text }}, max(length({{ string_text }}) - ({{ length_expression }}) + 1, 1))
{%- endmacro %}

{% macro length(expression) -%}
    {{ return(adapter.dispatch('length', 'dbt')(expression)) }}
{%- endmacro %}

{% macro default__length(expression) -%}
    length({{ expression }})
{%- endmacro %}

{% macro redshift__length(expression) -%}
    len({{ expression }})
{%- endmacro %}

{% macro position(substring_text, string_text) -%}
    {{ return(adapter.dispatch('position', 'dbt')(substring_text, string_text)) }}
{%- endmacro %}

{% macro default__position(substring_text, string_text) -%}
    position({{ substring_text }} in {{ string_text }})
{%- endmacro %}

{% macro sqlite__position(substring_text, string_text) -%}
    instr({{ string_text }}, {{ substring_text }})
{%- endmacro %}

{% macro replace(field, old_chars, new_chars) -%}
    {{ return(adapter.dispatch('replace', 'dbt')(field, old_chars, new_chars)) }}
{%- endmacro %}

{% macro default__replace(field, old_chars, new_chars) -%}
    replace({{ field }}, {{ old_chars }}, {{ new_chars }})
{%- endmacro %}
