{# should_store_failures(): whether the current test stores its failing rows — the
   test's store_failures config, else the --store-failures flag. Generic tests use it to
   select `*` only when the rows will be kept. #}

{% macro should_store_failures() %}
    {%- set configured = config.get('store_failures') -%}
    {%- if configured is none -%}
        {%- set configured = flags.STORE_FAILURES if flags is defined and flags.STORE_FAILURES is defined else false -%}
    {%- endif -%}
    {{ return(configured) }}
{% endmacro %}
