{# dbt_utils test relationships_where(model, column_name, to, field, from_condition="1=1",
   to_condition="1=1"): referential integrity between filtered subsets of two relations;
   fails for each child value (non-null) with no matching parent value. #}

{% test relationships_where(model, column_name, to, field, from_condition="1=1", to_condition="1=1") %}
    {{ return(adapter.dispatch('test_relationships_where', 'dbt_utils')(model, column_name, to, field, from_condition, to_condition)) }}
{% endtest %}

{% macro default__test_relationships_where(model, column_name, to, field, from_condition="1=1", to_condition="1=1") %}
with child as (
    select {{ column_name }} as id
    from {{ model }}
    where {{ column_name }} is not null
      and {{ from_condition }}
),
parent as (
    select {{ field }} as id
    from {{ to }}
    where {{ field }} is not null
      and {{ to_condition }}
),
exceptions as (
    select child.id, parent.id as right_id
    from child
    left join parent on child.id = parent.id
    where parent.id is null
)
select * from exceptions
{% endmacro %}
