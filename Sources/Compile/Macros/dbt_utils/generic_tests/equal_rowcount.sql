{# dbt_utils test equal_rowcount(model, compare_model, group_by_columns=[]): fails when the
   two relations (or each group of them) have different row counts. Failures are
   counted as the summed difference (config fail_calc), as dbt_utils does; rows with no
   difference are filtered out so a plain row count gives the same pass/fail. #}

{% test equal_rowcount(model, compare_model, group_by_columns=[]) %}
    {{ return(adapter.dispatch('test_equal_rowcount', 'dbt_utils')(model, compare_model, group_by_columns)) }}
{% endtest %}

{% macro default__test_equal_rowcount(model, compare_model, group_by_columns) %}
    {{ config(fail_calc='coalesce(sum(diff_count), 0)') }}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {#- a constant join key, so the full join has an equality condition even without groups -#}
    {%- set keys = ['id_dbtutils_test_equal_rowcount'] + group_by_columns -%}
    {%- set group_prefix = (group_by_columns | join(', ')) ~ ', ' if group_by_columns | length > 0 else '' %}
with a as (
    select {{ group_prefix }}1 as id_dbtutils_test_equal_rowcount, count(*) as count_a
    from {{ model }}
    {%- if group_by_columns | length > 0 %}
    group by {{ group_by_columns | join(', ') }}
    {%- endif %}
),
b as (
    select {{ group_prefix }}1 as id_dbtutils_test_equal_rowcount, count(*) as count_b
    from {{ compare_model }}
    {%- if group_by_columns | length > 0 %}
    group by {{ group_by_columns | join(', ') }}
    {%- endif %}
),
final as (
    select
        {%- for key in keys %}
        a.{{ key }} as {{ key }}_a,
        b.{{ key }} as {{ key }}_b,
        {%- endfor %}
        count_a,
        count_b,
        abs(coalesce(count_a, 0) - coalesce(count_b, 0)) as diff_count
    from a
    full join b
      on {% for key in keys %}a.{{ key }} = b.{{ key }}{% if not loop.last %} and {% endif %}{% endfor %}
)
select * from final
where diff_count > 0
{% endmacro %}
