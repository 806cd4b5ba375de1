{# dbt_utils.pivot(column, values, alias=True, agg='sum', cmp='=', prefix='', suffix='',
   then_value=1, else_value=0, quote_identifiers=True, distinct=False): one aggregated
   column per value, e.g. sum(case when color = 'red' then 1 else 0 end) as "red". #}

{% macro pivot(column, values, alias=True, agg='sum', cmp='=', prefix='', suffix='', then_value=1, else_value=0, quote_identifiers=True, distinct=False) %}
    {{ return(adapter.dispatch('pivot', 'dbt_utils')(column, values, alias, agg, cmp, prefix, suffix, then_value, else_value, quote_identifiers, distinct)) }}
{% endmacro %}

{% macro default__pivot(column, values, alias=True, agg='sum', cmp='=', prefix='', suffix='', then_value=1, else_value=0, quote_identifiers=True, distinct=False) %}
    {%- set items = [] -%}
    {%- for value in values -%}
        {%- set expr -%}
            {{ agg }}({% if distinct %}distinct {% endif %}case when {{ column }} {{ cmp }} '{{ dbt.escape_single_quotes(value | string) }}' then {{ then_value }} else {{ else_value }} end)
        {%- endset -%}
        {%- if alias -%}
            {%- set label = prefix ~ value ~ suffix -%}
            {%- set expr = expr ~ ' as ' ~ (adapter.quote(label) if quote_identifiers else dbt_utils.slugify(label)) -%}
        {%- endif -%}
        {%- do items.append(expr) -%}
    {%- endfor -%}
    {{ items | join(',\n  ') }}
{% endmacro %}
