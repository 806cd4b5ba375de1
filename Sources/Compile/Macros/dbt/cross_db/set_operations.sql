{# dbt.except() and dbt.intersect(): the set operators (distinct semantics). #}

{% macro except() %}
    {{ return(adapter.dispatch('except', 'dbt')()) }}
{% endmacro %}

{% macro default__except() %}
    except
{% endmacro %}

{% macro intersect() %}
    {{ return(adapter.dispatch('intersect', 'dbt')()) }}
{% endmacro %}

{% macro default__intersect() %}
    intersect
{% endmacro %}
