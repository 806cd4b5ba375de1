{# dbt_utils.generate_surrogate_key(field_list): md5 of the fields cast to text, joined
   with '-'; nulls become '_dbt_utils_surrogate_key_null_' (or '' when the var
   surrogate_key_treat_nulls_as_empty_strings is true), so keys match dbt_utils'. #}

{%- macro generate_surrogate_key(field_list) -%}
    {{ return(adapter.dispatch('generate_surrogate_key', 'dbt_utils')(field_list)) }}
{%- endmacro -%}

{%- macro default__generate_surrogate_key(field_list) -%}
    {%- if var('surrogate_key_treat_nulls_as_empty_strings', false) -%}
        {%- set null_text = '' -%}
    {%- else -%}
        {%- set null_text = '_dbt_utils_surrogate_key_null_' -%}
    {%- endif -%}
    {%- set parts = [] -%}
    {%- for field in field_list -%}
        {%- if not loop.first -%}{%- do parts.append("'-'") -%}{%- endif -%}
        {%- do parts.append("coalesce(cast(" ~ field ~ " as " ~ dbt.type_string() ~ "), '" ~ null_text ~ "')") -%}
    {%- endfor -%}
    {{ dbt.hash(dbt.concat(parts)) }}
{%- endmacro -%}
