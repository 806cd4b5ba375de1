{# generate_alias_name(custom_alias_name, node): the relation name a node is built as.
   Default: the custom alias (trimmed) when set, else "<name>_v<version>" for a
   versioned model (dots in the version become underscores), else the node's name. #}

{% macro generate_alias_name(custom_alias_name=none, node=none) -%}
    {% do return(adapter.dispatch('generate_alias_name', 'dbt')(custom_alias_name, node)) %}
{%- endmacro %}

{% macro default__generate_alias_name(custom_alias_name=none, node=none) -%}
    {%- if custom_alias_name -%}
        {{ custom_alias_name | trim }}
    {%- elif node.version -%}
        {{ return(node.name ~ '_v' ~ (node.version | string | replace('.', '_'))) }}
    {%- else -%}
        {{ node.name }}
    {%- endif -%}
{%- endmacro %}
