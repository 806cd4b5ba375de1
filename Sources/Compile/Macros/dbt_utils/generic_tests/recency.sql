{# dbt_utils test recency(model, field, datepart, interval, ignore_time_component=False,
   group_by_columns=[]): fails when the latest `field` (per group) is older than
   `interval` dateparts before now, or missing (unless this is an --empty run). #}

{% test recency(model, field, datepart, interval, ignore_time_component=False, group_by_columns=[]) %}
    {{ return(adapter.dispatch('test_recency', 'dbt_utils')(model, field, datepart, interval, ignore_time_component, group_by_columns)) }}
{% endtest %}

{% macro default__test_recency(model, field, datepart, interval, ignore_time_component, group_by_columns) %}
    {%- set empty_run = flags is defined and flags.EMPTY is defined and flags.EMPTY -%}
    {%- set point_type = 'date' if ignore_time_component else 'timestamp' -%}
    {%- set threshold = dbt.cast(dbt.dateadd(datepart, interval * -1, dbt.current_timestamp()), point_type) -%}
    {%- set latest = 'max(' ~ field ~ ')' -%}
    {%- if ignore_time_component -%}{%- set latest = dbt.cast(latest, 'date') -%}{%- endif -%}
    {%- set group_cols = group_by_columns | join(', ') -%}
    {%- set group_prefix = group_cols ~ ', ' if group_by_columns | length > 0 else '' %}
with recency as (
    select
        {{ group_prefix }}{{ latest }} as most_recent
    from {{ model }}
    {%- if group_by_columns | length > 0 %}
    group by {{ group_cols }}
    {%- endif %}
)
select
    {{ group_prefix }}most_recent,
    {{ threshold }} as threshold
from recency
where most_recent < {{ threshold }}
{%- if not empty_run %}
   or most_recent is null
{%- endif %}
{% endmacro %}
