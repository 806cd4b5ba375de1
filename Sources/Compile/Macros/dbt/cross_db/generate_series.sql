{# dbt.generate_series(upper_bound): a query returning generated_number = 1..upper_bound,
   built from cross-joined bits so it also runs where generate_series() is unavailable
   (Redshift compute nodes, SQLite). dbt.get_powers_of_two(n): the number of bits needed. #}

{% macro get_powers_of_two(upper_bound) %}
    {{ return(adapter.dispatch('get_powers_of_two', 'dbt')(upper_bound)) }}
{% endmacro %}

{% macro default__get_powers_of_two(upper_bound) %}
    {%- if upper_bound <= 0 -%}
        {{ exceptions.raise_compiler_error("upper bound must be positive") }}
    {%- endif -%}
    {%- set ns = namespace(bits=1, reach=2) -%}
    {%- for _ in range(100) -%}
        {%- if ns.reach < upper_bound -%}
            {%- set ns.bits = ns.bits + 1 -%}
            {%- set ns.reach = ns.reach * 2 -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(ns.bits) }}
{% endmacro %}

{% macro generate_series(upper_bound) %}
    {{ return(adapter.dispatch('generate_series', 'dbt')(upper_bound)) }}
{% endmacro %}

{% macro default__generate_series(upper_bound) %}
    {%- set bits = dbt.get_powers_of_two(upper_bound) -%}
    {%- set ns = namespace(weight=1, terms=[]) -%}
    {%- for i in range(bits) -%}
        {%- do ns.terms.append('b' ~ i ~ '.bit * ' ~ ns.weight) -%}
        {%- set ns.weight = ns.weight * 2 -%}
    {%- endfor %}
    with bit_values as (
        select 0 as bit
        union all
        select 1 as bit
    ),
    numbered as (
        select {{ ns.terms | join(' + ') }} + 1 as generated_number
        from {% for i in range(bits) %}bit_values as b{{ i }}{% if not loop.last %} cross join {% endif %}{% endfor %}
    )
    select generated_number
    from numbered
    where generated_number <= {{ upper_bound }}
    order by generated_number
{% endmacro %}
