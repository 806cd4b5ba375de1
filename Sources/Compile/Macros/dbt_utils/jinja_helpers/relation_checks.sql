{# dbt_utils._is_relation(obj, macro) and dbt_utils._is_ephemeral(obj, macro): argument
   checks for the introspecting macros, which need a real relation (ref(), source() or
   api.Relation.create), not a string and not an ephemeral model's CTE. #}

{% macro _is_relation(obj, macro) %}
    {%- if obj is string or obj is none or obj.identifier is not defined -%}
        {%- do exceptions.raise_compiler_error("Macro " ~ macro ~ " expected a Relation but received the value: " ~ obj) -%}
    {%- endif -%}
{% endmacro %}

{% macro _is_ephemeral(obj, macro) %}
    {%- if obj.is_cte -%}
        {%- set model_name = obj.identifier | string -%}
        {%- if model_name[:12] == '__dbt__cte__' -%}
            {%- set model_name = model_name[12:] -%}
        {%- endif -%}
        {%- do exceptions.raise_compiler_error(
            "The `" ~ macro ~ "` macro cannot be used with ephemeral models, as it relies on the information schema.\n\n`"
            ~ model_name ~ "` is an ephemeral model. Consider making it a view or table instead.") -%}
    {%- endif -%}
{% endmacro %}
