{# statement(name, fetch_result, auto_begin, language): runs the SQL of its call block on the
   warehouse when `execute` is true; with a name, `load_result(name)` returns its response,
   table and data afterwards. As dbt's. #}

{%- macro statement(name=None, fetch_result=False, auto_begin=True, language='sql') -%}
  {%- if execute -%}
    {%- set compiled_code = caller() -%}
    {%- set res, table = adapter.execute(compiled_code, auto_begin=auto_begin, fetch=fetch_result) -%}
    {%- if name is not none -%}
      {{ store_result(name, response=res, agate_table=table) }}
    {%- endif -%}
  {%- endif -%}
{%- endmacro %}

{% macro noop_statement(name=None, message=None, code=None, rows_affected=None, res=None) -%}
  {%- set sql = caller() -%}
  {%- if name is not none -%}
    {{ store_raw_result(name, message=message, code=code, rows_affected=rows_affected, agate_table=res) }}
  {%- endif -%}
{%- endmacro %}
