{# dbt.last_day(date, datepart): the last date of the datepart (month, quarter, year, week)
   containing `date`, as a date. #}

{% macro last_day(date, datepart) %}
  {{ return(adapter.dispatch('last_day', 'dbt')(date, datepart)) }}
{% endmacro %}

{# start of the period, plus one period, minus one day #}
{% macro default_last_day(date, datepart) -%}
    cast({{ dbt.dateadd('day', '-1', dbt.dateadd(datepart, '1', dbt.date_trunc(datepart, date))) }} as date)
{%- endmacro %}

{% macro default__last_day(date, datepart) -%}
    {{ dbt.default_last_day(date, datepart) }}
{%- endmacro %}

{# SQLite has no date type: date() yields the ISO-8601 'YYYY-MM-DD' text. #}
{% macro sqlite__last_day(date, datepart) -%}
    date({{ dbt.dateadd('day', '-1', dbt.dateadd(datepart, '1', dbt.date_trunc(datepart, date))) }})
{%- endmacro %}
