// GENERATED FILE - DO NOT EDIT.
// The sources of ingot's built-in macro library (packages dbt, dbt_utils and
// dbt_expectations), compiled into the binary. Edit the .sql files under
// Sources/Compile/Macros/ and regenerate with `python3 scripts/embed_macros.py`;
// `python3 scripts/embed_macros.py --check` fails when this file is stale.

/// One macro file of a built-in package.
struct BuiltinMacroFile: Sendable {
    /// `dbt`, `dbt_utils` or `dbt_expectations`.
    let package: String
    /// Path inside the package, e.g. `macros/cross_db/datediff.sql`.
    let path: String
    /// The file's Jinja source.
    let source: String
}

enum BuiltinMacroSources {
    static let files: [BuiltinMacroFile] = [
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/cross_db/any_value.sql",
            source: #"""
{# dbt.any_value(expression): some value of expression within each group. #}

{% macro any_value(expression) -%}
    {{ return(adapter.dispatch('any_value', 'dbt')(expression)) }}
{%- endmacro %}

{% macro default__any_value(expression) -%}
    any_value({{ expression }})
{%- endmacro %}

{# PostgreSQL (before 16) and SQLite have no any_value: min() picks a value deterministically. #}
{% macro postgres__any_value(expression) -%}
    min({{ expression }})
{%- endmacro %}

{% macro sqlite__any_value(expression) -%}
    min({{ expression }})
{%- endmacro %}

{# Redshift has ANY_VALUE natively. #}
{% macro redshift__any_value(expression) -%}
    any_value({{ expression }})
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/cross_db/arrays.sql",
            source: #"""
{# dbt.array_construct / array_append / array_concat. PostgreSQL arrays; Redshift SUPER
   arrays; on SQLite arrays are JSON array text (json1 functions). #}

{% macro array_construct(inputs=[], data_type='integer') -%}
    {{ return(adapter.dispatch('array_construct', 'dbt')(inputs, data_type)) }}
{%- endmacro %}

{% macro default__array_construct(inputs, data_type) -%}
    {%- if inputs | length > 0 -%}
    array[{{ inputs | join(', ') }}]
    {%- else -%}
    array[]::{{ data_type }}[]
    {%- endif -%}
{%- endmacro %}

{% macro redshift__array_construct(inputs, data_type) -%}
    array({{ inputs | join(', ') }})
{%- endmacro %}

{% macro sqlite__array_construct(inputs, data_type) -%}
    json_array({{ inputs | join(', ') }})
{%- endmacro %}

{% macro array_append(array, new_element) -%}
    {{ return(adapter.dispatch('array_append', 'dbt')(array, new_element)) }}
{%- endmacro %}

{% macro default__array_append(array, new_element) -%}
    array_append({{ array }}, {{ new_element }})
{%- endmacro %}

{% macro redshift__array_append(array, new_element) -%}
    {{ dbt.array_concat(array, dbt.array_construct([new_element])) }}
{%- endmacro %}

{% macro sqlite__array_append(array, new_element) -%}
    json_insert({{ array }}, '$[#]', {{ new_element }})
{%- endmacro %}

{% macro array_concat(array_1, array_2) -%}
    {{ return(adapter.dispatch('array_concat', 'dbt')(array_1, array_2)) }}
{%- endmacro %}

{% macro default__array_concat(array_1, array_2) -%}
    array_cat({{ array_1 }}, {{ array_2 }})
{%- endmacro %}

{% macro redshift__array_concat(array_1, array_2) -%}
    array_concat({{ array_1 }}, {{ array_2 }})
{%- endmacro %}

{% macro sqlite__array_concat(array_1, array_2) -%}
    (select json_group_array(value) from (
        select 1 as part, key, value from json_each({{ array_1 }})
        union all
        select 2 as part, key, value from json_each({{ array_2 }})
        order by part, key
    ))
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/cross_db/bool_or.sql",
            source: #"""
{# dbt.bool_or(expression): true if the boolean expression is true for any row of the group.
   Native on PostgreSQL and Redshift; on SQLite bool_or comes from ingot's function library. #}

{% macro bool_or(expression) -%}
    {{ return(adapter.dispatch('bool_or', 'dbt')(expression)) }}
{%- endmacro %}

{% macro default__bool_or(expression) -%}
    bool_or({{ expression }})
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/cross_db/cast.sql",
            source: #"""
{# dbt.cast(field, type) and dbt.safe_cast(field, type).
   SQLite applies type affinity in CAST: casting ISO-8601 text to DATE or TIMESTAMP
   (NUMERIC affinity) would keep only the leading year, so the SQLite variants map
   date and timestamp targets onto SQLite's date()/datetime() normalisers instead. #}

{% macro cast(field, type) %}
  {{ return(adapter.dispatch('cast', 'dbt')(field, type)) }}
{% endmacro %}

{% macro default__cast(field, type) -%}
    cast({{ field }} as {{ type }})
{%- endmacro %}

{% macro sqlite__cast(field, type) -%}
    {%- set t = (type | string | trim | lower) -%}
    {%- if t == 'date' -%}
        date({{ field }})
    {%- elif 'timestamp' in t or 'datetime' in t -%}
        datetime({{ field }})
    {%- else -%}
        cast({{ field }} as {{ type }})
    {%- endif -%}
{%- endmacro %}

{# None of the three warehouses has try_cast, so safe_cast is a plain cast there. #}
{% macro safe_cast(field, type) %}
  {{ return(adapter.dispatch('safe_cast', 'dbt')(field, type)) }}
{% endmacro %}

{% macro default__safe_cast(field, type) -%}
    cast({{ field }} as {{ type }})
{%- endmacro %}

{% macro sqlite__safe_cast(field, type) -%}
    {{ dbt.cast(field, type) }}
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/cross_db/cast_bool_to_text.sql",
            source: #"""
{# dbt.cast_bool_to_text(field): a boolean as the text 'true' / 'false' (null stays null). #}

{% macro cast_bool_to_text(field) %}
  {{ adapter.dispatch('cast_bool_to_text', 'dbt')(field) }}
{% endmacro %}

{% macro default__cast_bool_to_text(field) -%}
    cast({{ field }} as {{ dbt.type_string() }})
{%- endmacro %}

{# Redshift cannot cast boolean to text; SQLite stores booleans as 0/1. #}
{% macro redshift__cast_bool_to_text(field) -%}
    case when {{ field }} is true then 'true' when {{ field }} is false then 'false' end::text
{%- endmacro %}

{% macro sqlite__cast_bool_to_text(field) -%}
    case when ({{ field }}) then 'true' when not ({{ field }}) then 'false' end
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/cross_db/concat.sql",
            source: #"""
{# dbt.concat(fields): concatenate a list of SQL expressions with the || operator
   (valid on PostgreSQL, Redshift and SQLite; null in, null out). #}

{% macro concat(fields) -%}
  {{ return(adapter.dispatch('concat', 'dbt')(fields)) }}
{%- endmacro %}

{% macro default__concat(fields) -%}
    {{ fields | join(' || ') }}
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/cross_db/current_timestamp.sql",
            source: #"""
{# dbt.current_timestamp() and the deprecated current_timestamp_backcompat() /
   current_timestamp_in_utc_backcompat() kept for projects that moved from
   dbt_utils.current_timestamp. On SQLite timestamps are ISO-8601 text in UTC. #}

{%- macro current_timestamp() -%}
    {{ adapter.dispatch('current_timestamp', 'dbt')() }}
{%- endmacro -%}

{% macro default__current_timestamp() -%}
    {{ exceptions.raise_not_implemented('current_timestamp macro not implemented for adapter ' ~ adapter.type()) }}
{%- endmacro %}

{% macro postgres__current_timestamp() -%}
    now()
{%- endmacro %}

{% macro redshift__current_timestamp() -%}
    getdate()
{%- endmacro %}

{% macro sqlite__current_timestamp() -%}
    datetime('now')
{%- endmacro %}

{% macro current_timestamp_backcompat() %}
    {{ return(adapter.dispatch('current_timestamp_backcompat', 'dbt')()) }}
{% endmacro %}

{% macro default__current_timestamp_backcompat() -%}
    current_timestamp::{{ dbt.type_timestamp() }}
{%- endmacro %}

{% macro redshift__current_timestamp_backcompat() -%}
    getdate()
{%- endmacro %}

{% macro sqlite__current_timestamp_backcompat() -%}
    datetime('now')
{%- endmacro %}

{% macro current_timestamp_in_utc_backcompat() %}
    {{ return(adapter.dispatch('current_timestamp_in_utc_backcompat', 'dbt')()) }}
{% endmacro %}

{% macro default__current_timestamp_in_utc_backcompat() -%}
    {{ return(adapter.dispatch('current_timestamp_backcompat', 'dbt')()) }}
{%- endmacro %}

{% macro postgres__current_timestamp_in_utc_backcompat() -%}
    (current_timestamp at time zone 'utc')::{{ dbt.type_timestamp() }}
{%- endmacro %}

{% macro redshift__current_timestamp_in_utc_backcompat() -%}
    getdate()
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/cross_db/data_types.sql",
            source: #"""
{# dbt.type_string / type_timestamp / type_float / type_numeric / type_bigint / type_int /
   type_boolean: portable column type names. The defaults are what dbt's
   api.Column.translate_type gives on PostgreSQL and Redshift. On SQLite they are
   affinity names; timestamps are ISO-8601 TEXT (a TIMESTAMP cast would have NUMERIC
   affinity and truncate the text to its year). #}

{%- macro type_string() -%}
    {{ return(adapter.dispatch('type_string', 'dbt')()) }}
{%- endmacro -%}

{% macro default__type_string() %}{{ return('TEXT') }}{% endmacro %}

{%- macro type_timestamp() -%}
    {{ return(adapter.dispatch('type_timestamp', 'dbt')()) }}
{%- endmacro -%}

{% macro default__type_timestamp() %}{{ return('timestamp') }}{% endmacro %}
{% macro sqlite__type_timestamp() %}{{ return('TEXT') }}{% endmacro %}

{%- macro type_float() -%}
    {{ return(adapter.dispatch('type_float', 'dbt')()) }}
{%- endmacro -%}

{% macro default__type_float() %}{{ return('float') }}{% endmacro %}
{% macro sqlite__type_float() %}{{ return('REAL') }}{% endmacro %}

{%- macro type_numeric() -%}
    {{ return(adapter.dispatch('type_numeric', 'dbt')()) }}
{%- endmacro -%}

{% macro default__type_numeric() %}{{ return('numeric(28,6)') }}{% endmacro %}
{% macro sqlite__type_numeric() %}{{ return('NUMERIC') }}{% endmacro %}

{%- macro type_bigint() -%}
    {{ return(adapter.dispatch('type_bigint', 'dbt')()) }}
{%- endmacro -%}

{% macro default__type_bigint() %}{{ return('bigint') }}{% endmacro %}
{% macro sqlite__type_bigint() %}{{ return('INTEGER') }}{% endmacro %}

{%- macro type_int() -%}
    {{ return(adapter.dispatch('type_int', 'dbt')()) }}
{%- endmacro -%}

{% macro default__type_int() %}{{ return('integer') }}{% endmacro %}
{% macro sqlite__type_int() %}{{ return('INTEGER') }}{% endmacro %}

{%- macro type_boolean() -%}
    {{ return(adapter.dispatch('type_boolean', 'dbt')()) }}
{%- endmacro -%}

{% macro default__type_boolean() %}{{ return('boolean') }}{% endmacro %}
{% macro sqlite__type_boolean() %}{{ return('INTEGER') }}{% endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/cross_db/date.sql",
            source: #"""
{# dbt.date(year, month, day): a date literal from three integers. #}

{% macro date(year, month, day) %}
  {{ return(adapter.dispatch('date', 'dbt')(year, month, day)) }}
{% endmacro %}

{# Builds the ISO-8601 text with modules.datetime, which also rejects impossible dates. #}
{% macro _iso_date(year, month, day) -%}
    {{ return(modules.datetime.date(year | int, month | int, day | int).isoformat()) }}
{%- endmacro %}

{% macro default__date(year, month, day) -%}
    to_date('{{ dbt._iso_date(year, month, day) }}', 'YYYY-MM-DD')
{%- endmacro %}

{% macro sqlite__date(year, month, day) -%}
    date('{{ dbt._iso_date(year, month, day) }}')
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/cross_db/date_spine.sql",
            source: #"""
{# dbt.date_spine(datepart, start_date, end_date): one row per datepart from start_date
   (inclusive) up to end_date (exclusive: the spine has datediff(start, end) rows), in a column named date_<datepart>.
   dbt.get_intervals_between(start_date, end_date, datepart) asks the warehouse how many
   periods that is (1 at parse time, when nothing may be queried). #}

{% macro get_intervals_between(start_date, end_date, datepart) -%}
    {{ return(adapter.dispatch('get_intervals_between', 'dbt')(start_date, end_date, datepart)) }}
{%- endmacro %}

{% macro default__get_intervals_between(start_date, end_date, datepart) -%}
    {%- if not execute -%}
        {{ return(1) }}
    {%- endif -%}
    {%- set result = run_query('select ' ~ dbt.datediff(start_date, end_date, datepart) ~ ' as intervals') -%}
    {%- if result is not none and result.rows | length > 0 and result.rows[0][0] is not none -%}
        {{ return(result.rows[0][0] | int) }}
    {%- else -%}
        {{ return(1) }}
    {%- endif -%}
{%- endmacro %}

{% macro date_spine(datepart, start_date, end_date) %}
    {{ return(adapter.dispatch('date_spine', 'dbt')(datepart, start_date, end_date)) }}
{%- endmacro %}

{% macro default__date_spine(datepart, start_date, end_date) %}
    {%- set periods = dbt.get_intervals_between(start_date, end_date, datepart) -%}
    with rawdata as (
        {{ dbt.generate_series(periods if periods > 0 else 1) }}
    ),
    all_periods as (
        select {{ dbt.dateadd(datepart, 'generated_number - 1', start_date) }} as date_{{ datepart }}
        from rawdata
    ),
    filtered as (
        select *
        from all_periods
        where date_{{ datepart }} <= {{ end_date }}
    )
    select * from filtered
{% endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/cross_db/date_trunc.sql",
            source: #"""
{# dbt.date_trunc(datepart, date): truncate a date or timestamp to the start of its datepart.
   date_trunc('part', x) is native on PostgreSQL and Redshift and provided by ingot's
   SQLite function library, so one variant serves all three. #}

{% macro date_trunc(datepart, date) -%}
  {{ return(adapter.dispatch('date_trunc', 'dbt')(datepart, date)) }}
{%- endmacro %}

{% macro default__date_trunc(datepart, date) -%}
    date_trunc('{{ datepart | lower }}', {{ date }})
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/cross_db/dateadd.sql",
            source: #"""
{# dbt.dateadd(datepart, interval, from_date_or_timestamp): shift a date or timestamp
   by `interval` units of `datepart` (interval may be a SQL expression). #}

{% macro dateadd(datepart, interval, from_date_or_timestamp) %}
  {{ return(adapter.dispatch('dateadd', 'dbt')(datepart, interval, from_date_or_timestamp)) }}
{% endmacro %}

{% macro default__dateadd(datepart, interval, from_date_or_timestamp) -%}
    dateadd({{ datepart }}, {{ interval }}, {{ from_date_or_timestamp }})
{%- endmacro %}

{% macro redshift__dateadd(datepart, interval, from_date_or_timestamp) -%}
    dateadd({{ datepart }}, {{ interval }}, {{ from_date_or_timestamp }})
{%- endmacro %}

{# ingot's SQLite function library provides dateadd(part, n, ts); the part must be a string. #}
{% macro sqlite__dateadd(datepart, interval, from_date_or_timestamp) -%}
    dateadd('{{ datepart | lower }}', {{ interval }}, {{ from_date_or_timestamp }})
{%- endmacro %}

{# PostgreSQL: multiply a one-unit interval. Quarters are not an interval unit there. #}
{% macro postgres__dateadd(datepart, interval, from_date_or_timestamp) -%}
    {%- set part = datepart | lower -%}
    {%- if part == 'quarter' -%}
        {%- set unit = '3 months' -%}
    {%- else -%}
        {%- set unit = '1 ' ~ part -%}
    {%- endif -%}
    ({{ from_date_or_timestamp }} + (interval '{{ unit }}') * ({{ interval }}))
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/cross_db/datediff.sql",
            source: #"""
{# dbt.datediff(first_date, second_date, datepart): whole datepart boundaries crossed
   going from first_date to second_date (Redshift semantics). #}

{% macro datediff(first_date, second_date, datepart) %}
  {{ return(adapter.dispatch('datediff', 'dbt')(first_date, second_date, datepart)) }}
{% endmacro %}

{% macro default__datediff(first_date, second_date, datepart) -%}
    datediff({{ datepart }}, {{ first_date }}, {{ second_date }})
{%- endmacro %}

{# Redshift has datediff natively; this variant stops dispatch falling back to postgres__. #}
{% macro redshift__datediff(first_date, second_date, datepart) -%}
    datediff({{ datepart }}, {{ first_date }}, {{ second_date }})
{%- endmacro %}

{# ingot's SQLite function library provides datediff(part, a, b); the part must be a string. #}
{% macro sqlite__datediff(first_date, second_date, datepart) -%}
    datediff('{{ datepart | lower }}', {{ first_date }}, {{ second_date }})
{%- endmacro %}

{# PostgreSQL has no datediff: count calendar boundaries with date_part arithmetic. #}
{% macro postgres__datediff(first_date, second_date, datepart) -%}
    {%- set part = datepart | lower -%}
    {%- set a_date = '(' ~ first_date ~ ')::date' -%}
    {%- set b_date = '(' ~ second_date ~ ')::date' -%}
    {%- set a_ts = '(' ~ first_date ~ ')::timestamp' -%}
    {%- set b_ts = '(' ~ second_date ~ ')::timestamp' -%}
    {%- if part == 'year' -%}
        (date_part('year', {{ b_date }}) - date_part('year', {{ a_date }}))
    {%- elif part == 'quarter' -%}
        ({{ dbt.datediff(first_date, second_date, 'year') }} * 4 + date_part('quarter', {{ b_date }}) - date_part('quarter', {{ a_date }}))
    {%- elif part == 'month' -%}
        ({{ dbt.datediff(first_date, second_date, 'year') }} * 12 + date_part('month', {{ b_date }}) - date_part('month', {{ a_date }}))
    {%- elif part == 'day' -%}
        ({{ b_date }} - {{ a_date }})
    {%- elif part == 'week' -%}
        {#- weeks start on Sunday, as Redshift counts them: shift both dates to their week's Sunday -#}
        (((({{ b_date }}) - cast(date_part('dow', {{ b_date }}) as integer)) - (({{ a_date }}) - cast(date_part('dow', {{ a_date }}) as integer))) / 7)
    {%- elif part == 'hour' -%}
        ({{ dbt.datediff(first_date, second_date, 'day') }} * 24 + date_part('hour', {{ b_ts }}) - date_part('hour', {{ a_ts }}))
    {%- elif part == 'minute' -%}
        ({{ dbt.datediff(first_date, second_date, 'hour') }} * 60 + date_part('minute', {{ b_ts }}) - date_part('minute', {{ a_ts }}))
    {%- elif part == 'second' -%}
        ({{ dbt.datediff(first_date, second_date, 'minute') }} * 60 + floor(date_part('second', {{ b_ts }})) - floor(date_part('second', {{ a_ts }})))
    {%- elif part == 'millisecond' -%}
        ({{ dbt.datediff(first_date, second_date, 'minute') }} * 60000 + floor(date_part('millisecond', {{ b_ts }})) - floor(date_part('millisecond', {{ a_ts }})))
    {%- elif part == 'microsecond' -%}
        ({{ dbt.datediff(first_date, second_date, 'minute') }} * 60000000 + floor(date_part('microsecond', {{ b_ts }})) - floor(date_part('microsecond', {{ a_ts }})))
    {%- else -%}
        {{ exceptions.raise_compiler_error("Unsupported datepart for macro datediff in postgres: '" ~ datepart ~ "'") }}
    {%- endif -%}
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/cross_db/generate_series.sql",
            source: #"""
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

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/cross_db/hash.sql",
            source: #"""
{# dbt.hash(field): hex md5 of the field's text form. md5() is native on PostgreSQL and
   Redshift and provided by ingot's SQLite function library. #}

{% macro hash(field) -%}
  {{ return(adapter.dispatch('hash', 'dbt')(field)) }}
{%- endmacro %}

{% macro default__hash(field) -%}
    md5(cast({{ field }} as {{ dbt.type_string() }}))
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/cross_db/last_day.sql",
            source: #"""
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

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/cross_db/listagg.sql",
            source: #"""
{# dbt.listagg(measure, delimiter_text="','", order_by_clause=none, limit_num=none):
   aggregate a column into one delimited string. delimiter_text is a SQL string literal
   (quotes included); order_by_clause is a full "order by ..." clause. #}

{% macro listagg(measure, delimiter_text="','", order_by_clause=none, limit_num=none) -%}
    {{ return(adapter.dispatch('listagg', 'dbt')(measure, delimiter_text, order_by_clause, limit_num)) }}
{%- endmacro %}

{% macro default__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- if limit_num -%}
    array_to_string(
        array_slice(array_agg({{ measure }}){% if order_by_clause %} within group ({{ order_by_clause }}){% endif %}, 0, {{ limit_num }}),
        {{ delimiter_text }}
    )
    {%- else -%}
    listagg({{ measure }}, {{ delimiter_text }}){% if order_by_clause %} within group ({{ order_by_clause }}){% endif %}
    {%- endif -%}
{%- endmacro %}

{% macro postgres__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- if limit_num -%}
    array_to_string(
        (array_agg({{ measure }}{% if order_by_clause %} {{ order_by_clause }}{% endif %}))[1:{{ limit_num }}],
        {{ delimiter_text }}
    )
    {%- else -%}
    string_agg({{ measure }}, {{ delimiter_text }}{% if order_by_clause %} {{ order_by_clause }}{% endif %})
    {%- endif -%}
{%- endmacro %}

{# Regex that keeps the first n delimited items of an aggregated string: used where the
   warehouse cannot limit inside the aggregate. Like dbt's, it assumes the measure never
   contains the delimiter. #}
{% macro _listagg_first_n_regex(delimiter_text, limit_num) -%}
    {%- set ns = namespace(d='') -%}
    {%- set raw = delimiter_text | trim -%}
    {%- if raw[0] == "'" and raw[-1] == "'" -%}{%- set raw = raw[1:-1] | replace("''", "'") -%}{%- endif -%}
    {%- for ch in raw -%}
        {%- if ch in '\\^$.|?*+()[]{}' -%}
            {%- set ns.d = ns.d ~ '\\' ~ ch -%}
        {%- else -%}
            {%- set ns.d = ns.d ~ ch -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set item = '((?!' ~ ns.d ~ ').)*' if raw | length > 1 else '[^' ~ ns.d ~ ']*' -%}
    {%- if limit_num | int <= 1 -%}
        '^{{ item | replace("'", "''") }}'
    {%- else -%}
        '^({{ item | replace("'", "''") }}{{ ns.d | replace("'", "''") }}){0,{{ limit_num | int - 1 }}}{{ item | replace("'", "''") }}'
    {%- endif -%}
{%- endmacro %}

{# Redshift cannot limit inside listagg; a PCRE ('p') regexp_substr keeps the first n items. #}
{% macro redshift__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- set agg -%}
    listagg({{ measure }}, {{ delimiter_text }}){% if order_by_clause %} within group ({{ order_by_clause }}){% endif %}
    {%- endset -%}
    {%- if limit_num -%}
    regexp_substr({{ agg }}, {{ dbt._listagg_first_n_regex(delimiter_text, limit_num) }}, 1, 1, 'p')
    {%- else -%}
    {{ agg }}
    {%- endif -%}
{%- endmacro %}

{# SQLite: group_concat. An order_by_clause inside the aggregate needs SQLite 3.44 or
   later; the limit uses regexp_substr from ingot's SQLite function library. #}
{% macro sqlite__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- set agg -%}
    group_concat({{ measure }}, {{ delimiter_text }}{% if order_by_clause %} {{ order_by_clause }}{% endif %})
    {%- endset -%}
    {%- if limit_num -%}
    regexp_substr({{ agg }}, {{ dbt._listagg_first_n_regex(delimiter_text, limit_num) }})
    {%- else -%}
    {{ agg }}
    {%- endif -%}
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/cross_db/set_operations.sql",
            source: #"""
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

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/cross_db/split_part.sql",
            source: #"""
{# dbt.split_part(string_text, delimiter_text, part_number): the part_number-th piece of
   string_text split on delimiter_text (1-based; negative counts from the end). #}

{% macro split_part(string_text, delimiter_text, part_number) %}
  {{ return(adapter.dispatch('split_part', 'dbt')(string_text, delimiter_text, part_number)) }}
{% endmacro %}

{% macro default__split_part(string_text, delimiter_text, part_number) -%}
    split_part({{ string_text }}, {{ delimiter_text }}, {{ part_number }})
{%- endmacro %}

{# For warehouses whose split_part only counts from the start: turn a negative part
   number into a positive one from the number of delimiters in the string. #}
{% macro _split_part_negative(string_text, delimiter_text, part_number) -%}
    split_part(
        {{ string_text }},
        {{ delimiter_text }},
        (length({{ string_text }}) - length(replace({{ string_text }}, {{ delimiter_text }}, ''))) / length({{ delimiter_text }}) + 2 + ({{ part_number }})
    )
{%- endmacro %}

{% macro postgres__split_part(string_text, delimiter_text, part_number) -%}
    {%- if part_number | int >= 0 -%}
        {{ dbt.default__split_part(string_text, delimiter_text, part_number) }}
    {%- else -%}
        {{ dbt._split_part_negative(string_text, delimiter_text, part_number) }}
    {%- endif -%}
{%- endmacro %}

{% macro sqlite__split_part(string_text, delimiter_text, part_number) -%}
    {{ dbt.postgres__split_part(string_text, delimiter_text, part_number) }}
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/cross_db/string_functions.sql",
            source: #"""
{# String helpers: dbt.right, dbt.length, dbt.position, dbt.replace. right(), length(),
   position(a in b) and replace() exist on PostgreSQL and Redshift; SQLite has length()
   and replace() but needs substr()/instr() for the other two. On Redshift length is
   spelled len(), as dbt does. #}

{% macro right(string_text, length_expression) -%}
    {{ return(adapter.dispatch('right', 'dbt')(string_text, length_expression)) }}
{%- endmacro %}

{% macro default__right(string_text, length_expression) -%}
    right({{ string_text }}, {{ length_expression }})
{%- endmacro %}

{# RIGHT is a keyword in SQLite (RIGHT JOIN), so right(...) does not parse there. #}
{% macro sqlite__right(string_text, length_expression) -%}
    substr({{ string_text }}, max(length({{ string_text }}) - ({{ length_expression }}) + 1, 1))
{%- endmacro %}

{% macro length(expression) -%}
    {{ return(adapter.dispatch('length', 'dbt')(expression)) }}
{%- endmacro %}

{% macro default__length(expression) -%}
    length({{ expression }})
{%- endmacro %}

{% macro redshift__length(expression) -%}
    len({{ expression }})
{%- endmacro %}

{% macro position(substring_text, string_text) -%}
    {{ return(adapter.dispatch('position', 'dbt')(substring_text, string_text)) }}
{%- endmacro %}

{% macro default__position(substring_text, string_text) -%}
    position({{ substring_text }} in {{ string_text }})
{%- endmacro %}

{% macro sqlite__position(substring_text, string_text) -%}
    instr({{ string_text }}, {{ substring_text }})
{%- endmacro %}

{% macro replace(field, old_chars, new_chars) -%}
    {{ return(adapter.dispatch('replace', 'dbt')(field, old_chars, new_chars)) }}
{%- endmacro %}

{% macro default__replace(field, old_chars, new_chars) -%}
    replace({{ field }}, {{ old_chars }}, {{ new_chars }})
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/cross_db/string_literal.sql",
            source: #"""
{# dbt.string_literal(value) and dbt.escape_single_quotes(expression): quoting helpers
   for building SQL string literals. #}

{%- macro string_literal(value) -%}
  {{ return(adapter.dispatch('string_literal', 'dbt')(value)) }}
{%- endmacro -%}

{% macro default__string_literal(value) -%}
    '{{ dbt.escape_single_quotes(value | string) }}'
{%- endmacro %}

{% macro escape_single_quotes(expression) %}
  {{ return(adapter.dispatch('escape_single_quotes', 'dbt')(expression)) }}
{% endmacro %}

{# they're -> they''re #}
{% macro default__escape_single_quotes(expression) -%}
    {{ expression | replace("'", "''") }}
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/etc/should_store_failures.sql",
            source: #"""
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

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/etc/statement.sql",
            source: #"""
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

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/generic_tests/builtin_tests.sql",
            source: #"""
{# dbt's four built-in generic tests. Each selects the failing rows; the test fails when the
   failure count (fail_calc, count(*) by default) passes its threshold. #}

{% test unique(model, column_name) %}
    {{ return(adapter.dispatch('test_unique', 'dbt')(model, column_name)) }}
{% endtest %}

{% macro default__test_unique(model, column_name) %}
select
    {{ column_name }} as unique_field,
    count(*) as n_records
from {{ model }}
where {{ column_name }} is not null
group by {{ column_name }}
having count(*) > 1
{% endmacro %}

{% test not_null(model, column_name) %}
    {{ return(adapter.dispatch('test_not_null', 'dbt')(model, column_name)) }}
{% endtest %}

{% macro default__test_not_null(model, column_name) %}
{% set column_list = '*' if should_store_failures() else column_name %}
select {{ column_list }}
from {{ model }}
where {{ column_name }} is null
{% endmacro %}

{% test accepted_values(model, column_name, values, quote=True) %}
    {{ return(adapter.dispatch('test_accepted_values', 'dbt')(model, column_name, values, quote)) }}
{% endtest %}

{% macro default__test_accepted_values(model, column_name, values, quote=True) %}
with all_values as (
    select
        {{ column_name }} as value_field,
        count(*) as n_records
    from {{ model }}
    group by {{ column_name }}
)
select *
from all_values
where value_field not in (
    {% for value in values -%}
        {% if quote -%}'{{ value }}'{%- else -%}{{ value }}{%- endif -%}
        {%- if not loop.last -%},{%- endif %}
    {%- endfor %}
)
{% endmacro %}

{% test relationships(model, column_name, to, field) %}
    {{ return(adapter.dispatch('test_relationships', 'dbt')(model, column_name, to, field)) }}
{% endtest %}

{% macro default__test_relationships(model, column_name, to, field) %}
with child as (
    select {{ column_name }} as from_field
    from {{ model }}
    where {{ column_name }} is not null
),
parent as (
    select {{ field }} as to_field
    from {{ to }}
)
select from_field
from child
left join parent
    on child.from_field = parent.to_field
where parent.to_field is null
{% endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/generic_tests/where_subquery.sql",
            source: #"""
{# get_where_subquery(relation): the relation a generic test reads, narrowed by the test's
   `where` config when it has one. #}

{% macro get_where_subquery(relation) -%}
    {{ return(adapter.dispatch('get_where_subquery', 'dbt')(relation)) }}
{%- endmacro %}

{% macro default__get_where_subquery(relation) -%}
    {% set where = config.get('where', '') %}
    {% if where %}
        {%- set filtered -%}
            (select * from {{ relation }} where {{ where }}) dbt_subquery
        {%- endset -%}
        {% do return(filtered) %}
    {%- else -%}
        {% do return(relation) %}
    {%- endif -%}
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/get_custom_name/generate_alias_name.sql",
            source: #"""
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

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/get_custom_name/generate_database_name.sql",
            source: #"""
{# generate_database_name(custom_database_name, node): the database a node is built in.
   Default: the target's database, or the custom database as given. #}

{% macro generate_database_name(custom_database_name=none, node=none) -%}
    {% do return(adapter.dispatch('generate_database_name', 'dbt')(custom_database_name, node)) %}
{%- endmacro %}

{% macro default__generate_database_name(custom_database_name=none, node=none) -%}
    {%- if custom_database_name is none -%}
        {{ target.database }}
    {%- else -%}
        {{ custom_database_name }}
    {%- endif -%}
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt",
            path: "macros/get_custom_name/generate_schema_name.sql",
            source: #"""
{# generate_schema_name(custom_schema_name, node): the schema a node is built in.
   Default: the target's schema, or "<target.schema>_<custom>" when the node sets a
   custom schema. generate_schema_name_for_env: the custom schema as-is in the 'prod'
   target, the target schema elsewhere. Projects override these by defining a macro
   of the same name. #}

{% macro generate_schema_name(custom_schema_name=none, node=none) -%}
    {{ return(adapter.dispatch('generate_schema_name', 'dbt')(custom_schema_name, node)) }}
{%- endmacro %}

{% macro default__generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ target.schema }}_{{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}

{% macro generate_schema_name_for_env(custom_schema_name, node) -%}
    {%- if target.name == 'prod' and custom_schema_name is not none -%}
        {{ custom_schema_name | trim }}
    {%- else -%}
        {{ target.schema }}
    {%- endif -%}
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/generic_tests/accepted_range.sql",
            source: #"""
{# dbt_utils test accepted_range(model, column_name, min_value=none, max_value=none,
   inclusive=true): fails for rows whose value lies outside the bounds (nulls pass). #}

{% test accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true) %}
    {{ return(adapter.dispatch('test_accepted_range', 'dbt_utils')(model, column_name, min_value, max_value, inclusive)) }}
{% endtest %}

{% macro default__test_accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true) %}
    {%- set eq = '=' if inclusive else '' %}
with meet_condition as (
    select * from {{ model }}
),
validation_errors as (
    select *
    from meet_condition
    where 1 = 2
    {%- if min_value is not none %}
       or not ({{ column_name }} >{{ eq }} {{ min_value }})
    {%- endif %}
    {%- if max_value is not none %}
       or not ({{ column_name }} <{{ eq }} {{ max_value }})
    {%- endif %}
)
select * from validation_errors
{% endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/generic_tests/at_least_one.sql",
            source: #"""
{# dbt_utils test at_least_one(model, column_name, group_by_columns=[]): fails when the
   column has no non-null value (in some group). #}

{% test at_least_one(model, column_name, group_by_columns=[]) %}
    {{ return(adapter.dispatch('test_at_least_one', 'dbt_utils')(model, column_name, group_by_columns)) }}
{% endtest %}

{% macro default__test_at_least_one(model, column_name, group_by_columns) %}
    {%- if group_by_columns | length == 0 %}
select count_non_null
from (
    select count(*) as count_non_null
    from (
        select {{ column_name }}
        from {{ model }}
        where {{ column_name }} is not null
        limit 1
    ) as first_value
) as counted
where count_non_null = 0
    {%- else -%}
    {%- set group_cols = group_by_columns | join(', ') %}
select {{ group_cols }}, count({{ column_name }}) as count_non_null
from {{ model }}
group by {{ group_cols }}
having count({{ column_name }}) = 0
    {%- endif %}
{% endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/generic_tests/cardinality_equality.sql",
            source: #"""
{# dbt_utils test cardinality_equality(model, column_name, to, field): fails when the
   value -> row count distribution of model.column_name differs from that of to.field. #}

{% test cardinality_equality(model, column_name, to, field) %}
    {{ return(adapter.dispatch('test_cardinality_equality', 'dbt_utils')(model, column_name, to, field)) }}
{% endtest %}

{% macro default__test_cardinality_equality(model, column_name, to, field) %}
with table_a as (
    select {{ column_name }} as value, count(*) as num_rows
    from {{ model }}
    group by {{ column_name }}
),
table_b as (
    select {{ field }} as value, count(*) as num_rows
    from {{ to }}
    group by {{ field }}
),
except_a as (
    select * from table_a
    {{ dbt.except() }}
    select * from table_b
),
except_b as (
    select * from table_b
    {{ dbt.except() }}
    select * from table_a
),
unioned as (
    select * from except_a
    union all
    select * from except_b
)
select * from unioned
{% endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/generic_tests/equal_rowcount.sql",
            source: #"""
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

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/generic_tests/expression_is_true.sql",
            source: #"""
{# dbt_utils test expression_is_true(model, expression, column_name=None): fails for rows
   where the expression (prefixed by the column when the test is on a column) is not true. #}

{% test expression_is_true(model, expression, column_name=None) %}
    {{ return(adapter.dispatch('test_expression_is_true', 'dbt_utils')(model, expression, column_name)) }}
{% endtest %}

{% macro default__test_expression_is_true(model, expression, column_name) %}
    {%- set condition = expression if column_name is none else column_name ~ ' ' ~ expression %}
select {{ '*' if dbt.should_store_failures() else '1 as failing_row' }}
from {{ model }}
where not ({{ condition }})
{% endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/generic_tests/mutually_exclusive_ranges.sql",
            source: #"""
{# dbt_utils test mutually_exclusive_ranges(model, lower_bound_column, upper_bound_column,
   partition_by=None, gaps='allowed', zero_length_range_allowed=False): fails for ranges
   that are empty/inverted or overlap the next range of their partition; gaps between
   consecutive ranges may be 'allowed', 'not_allowed' or 'required'. #}

{% test mutually_exclusive_ranges(model, lower_bound_column, upper_bound_column, partition_by=None, gaps='allowed', zero_length_range_allowed=False) %}
    {{ return(adapter.dispatch('test_mutually_exclusive_ranges', 'dbt_utils')(model, lower_bound_column, upper_bound_column, partition_by, gaps, zero_length_range_allowed)) }}
{% endtest %}

{% macro default__test_mutually_exclusive_ranges(model, lower_bound_column, upper_bound_column, partition_by=None, gaps='allowed', zero_length_range_allowed=False) %}
    {%- set gap_rules = {
        'not_allowed': ['=', 'equal_to'],
        'allowed': ['<=', 'less_than_or_equal_to'],
        'required': ['<', 'less_than'],
    } -%}
    {%- if gaps not in gap_rules -%}
        {{ exceptions.raise_compiler_error("`gaps` argument for mutually_exclusive_ranges test must be one of ['not_allowed', 'allowed', 'required'] Got: '" ~ gaps ~ "'.'") }}
    {%- endif -%}
    {%- if zero_length_range_allowed not in [true, false] -%}
        {{ exceptions.raise_compiler_error("`zero_length_range_allowed` argument for mutually_exclusive_ranges test must be one of [true, false] Got: '" ~ zero_length_range_allowed ~ "'.'") }}
    {%- endif -%}
    {%- set gap_op = gap_rules[gaps][0] -%}
    {%- set gap_words = gap_rules[gaps][1] -%}
    {%- set size_op = '<=' if zero_length_range_allowed else '<' -%}
    {%- set size_words = 'less_than_or_equal_to' if zero_length_range_allowed else 'less_than' -%}
    {%- set window = ('partition by ' ~ partition_by ~ ' ') if partition_by else '' %}
with window_functions as (
    select
        {%- if partition_by %}
        {{ partition_by }} as partition_by_col,
        {%- endif %}
        {{ lower_bound_column }} as lower_bound,
        {{ upper_bound_column }} as upper_bound,
        lead({{ lower_bound_column }}) over ({{ window }}order by {{ lower_bound_column }}, {{ upper_bound_column }}) as next_lower_bound,
        row_number() over ({{ window }}order by {{ lower_bound_column }} desc, {{ upper_bound_column }} desc) = 1 as is_last_record
    from {{ model }}
),
calc as (
    select
        *,
        -- each range must be non-empty; a null bound counts as a failure
        coalesce(lower_bound {{ size_op }} upper_bound, false) as lower_bound_{{ size_words }}_upper_bound,
        -- each range must end before (or where) the next one starts; the last one has no next
        coalesce(upper_bound {{ gap_op }} next_lower_bound, is_last_record, false) as upper_bound_{{ gap_words }}_next_lower_bound
    from window_functions
),
validation_errors as (
    select *
    from calc
    where not (lower_bound_{{ size_words }}_upper_bound and upper_bound_{{ gap_words }}_next_lower_bound)
)
select * from validation_errors
{% endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/generic_tests/not_constant.sql",
            source: #"""
{# dbt_utils test not_constant(model, column_name, group_by_columns=[]): fails when the
   column holds a single distinct non-null value (per group). #}

{% test not_constant(model, column_name, group_by_columns=[]) %}
    {{ return(adapter.dispatch('test_not_constant', 'dbt_utils')(model, column_name, group_by_columns)) }}
{% endtest %}

{% macro default__test_not_constant(model, column_name, group_by_columns) %}
    {%- set group_cols = group_by_columns | join(', ') %}
select
    {% if group_by_columns | length > 0 %}{{ group_cols }}, {% endif %}count(distinct {{ column_name }}) as distinct_values
from {{ model }}
{%- if group_by_columns | length > 0 %}
group by {{ group_cols }}
{%- endif %}
having count(distinct {{ column_name }}) = 1
{% endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/generic_tests/not_empty_string.sql",
            source: #"""
{# dbt_utils test not_empty_string(model, column_name, trim_whitespace=true): fails for rows
   whose value is '' (after trimming whitespace, by default). #}

{% test not_empty_string(model, column_name, trim_whitespace=true) %}
    {{ return(adapter.dispatch('test_not_empty_string', 'dbt_utils')(model, column_name, trim_whitespace)) }}
{% endtest %}

{% macro default__test_not_empty_string(model, column_name, trim_whitespace=true) %}
with all_values as (
    select {% if trim_whitespace == true %}trim({{ column_name }}){% else %}{{ column_name }}{% endif %} as {{ column_name }}
    from {{ model }}
),
errors as (
    select * from all_values
    where {{ column_name }} = ''
)
select * from errors
{% endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/generic_tests/not_null_proportion.sql",
            source: #"""
{# dbt_utils test not_null_proportion(model, column_name, at_least, at_most=1.0,
   group_by_columns=[]): fails when the share of non-null values (per group) is outside
   [at_least, at_most]. Arguments arrive as keyword arguments, as dbt passes them. #}

{% test not_null_proportion(model, group_by_columns=[]) %}
    {{ return(adapter.dispatch('test_not_null_proportion', 'dbt_utils')(model, group_by_columns, **kwargs)) }}
{% endtest %}

{% macro default__test_not_null_proportion(model, group_by_columns) %}
    {%- set column_name = kwargs.get('column_name', kwargs.get('arg')) -%}
    {%- set at_least = kwargs.get('at_least', kwargs.get('arg')) -%}
    {%- set at_most = kwargs.get('at_most', kwargs.get('arg', 1)) -%}
    {%- if at_least is none -%}
        {{ exceptions.raise_compiler_error("not_null_proportion test requires an `at_least` argument") }}
    {%- endif -%}
    {%- set group_cols = group_by_columns | join(', ') -%}
    {%- set group_prefix = group_cols ~ ', ' if group_by_columns | length > 0 else '' %}
with validation as (
    select
        {{ group_prefix }}sum(case when {{ column_name }} is null then 0 else 1 end) * 1.0 / count(*) as not_null_proportion
    from {{ model }}
    {%- if group_by_columns | length > 0 %}
    group by {{ group_cols }}
    {%- endif %}
),
validation_errors as (
    select {{ group_prefix }}not_null_proportion
    from validation
    where not_null_proportion < {{ at_least }} or not_null_proportion > {{ at_most }}
)
select * from validation_errors
{% endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/generic_tests/recency.sql",
            source: #"""
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

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/generic_tests/relationships_where.sql",
            source: #"""
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

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/generic_tests/sequential_values.sql",
            source: #"""
{# dbt_utils test sequential_values(model, column_name, interval=1, datepart=None,
   group_by_columns=[]): fails for rows that do not follow the previous value (in order,
   per group) by exactly `interval` (numbers) or `interval` dateparts (dates).
   Timestamps are compared through dbt.cast(x, 'timestamp'), which on SQLite normalises
   the ISO-8601 text of both sides. #}

{% test sequential_values(model, column_name, interval=1, datepart=None, group_by_columns=[]) %}
    {{ return(adapter.dispatch('test_sequential_values', 'dbt_utils')(model, column_name, interval, datepart, group_by_columns)) }}
{% endtest %}

{% macro default__test_sequential_values(model, column_name, interval=1, datepart=None, group_by_columns=[]) %}
    {%- set previous = 'previous_' ~ dbt_utils.slugify(column_name) -%}
    {%- set group_cols = group_by_columns | join(', ') %}
with windowed as (
    select
        {% if group_by_columns | length > 0 %}{{ group_cols }}, {% endif %}{{ column_name }},
        lag({{ column_name }}) over ({% if group_by_columns | length > 0 %}partition by {{ group_cols }} {% endif %}order by {{ column_name }}) as {{ previous }}
    from {{ model }}
),
validation_errors as (
    select *
    from windowed
    {%- if datepart %}
    where not ({{ dbt.cast(column_name, 'timestamp') }} = {{ dbt.cast(dbt.dateadd(datepart, interval, previous), 'timestamp') }})
    {%- else %}
    where not ({{ column_name }} = {{ previous }} + {{ interval }})
    {%- endif %}
)
select * from validation_errors
{% endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/generic_tests/unique_combination_of_columns.sql",
            source: #"""
{# dbt_utils test unique_combination_of_columns(model, combination_of_columns,
   quote_columns=false): fails for each combination of values that occurs more than once. #}

{% test unique_combination_of_columns(model, combination_of_columns, quote_columns=false) %}
    {{ return(adapter.dispatch('test_unique_combination_of_columns', 'dbt_utils')(model, combination_of_columns, quote_columns)) }}
{% endtest %}

{% macro default__test_unique_combination_of_columns(model, combination_of_columns, quote_columns=false) %}
    {%- if quote_columns not in [true, false] -%}
        {{ exceptions.raise_compiler_error("`quote_columns` argument for unique_combination_of_columns test must be one of [True, False] Got: '" ~ quote_columns ~ "'.'") }}
    {%- endif -%}
    {%- set columns = [] -%}
    {%- for column in combination_of_columns -%}
        {%- do columns.append(adapter.quote(column) if quote_columns else column) -%}
    {%- endfor -%}
    {%- set column_list = columns | join(', ') %}
with validation_errors as (
    select {{ column_list }}
    from {{ model }}
    group by {{ column_list }}
    having count(*) > 1
)
select * from validation_errors
{% endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/jinja_helpers/relation_checks.sql",
            source: #"""
{# dbt_utils._is_relation(obj, macro) and dbt_utils._is_ephemeral(obj, macro): argument
   checks for the introspecting macros, which need a real relation (ref(), source() or
   api.Relation.create), not a string and not an ephemeral model's CTE. #}

{% macro _is_relation(obj, macro) %}
    {%- if obj is string or obj is none or obj.identifier is not defined -%}
        {%- do exceptions.raise_compiler_error("Macro " ~ macro ~ " expected a Relation but received the value: " ~ obj) -%}
    {%- endif -%}
{% endmacro %}

{% macro _is_ephemeral(obj, macro) %}
    {%- if obj.is_cte -%}
        {%- set model_name = obj.identifier | string -%}
        {%- if model_name[:12] == '__dbt__cte__' -%}
            {%- set model_name = model_name[12:] -%}
        {%- endif -%}
        {%- do exceptions.raise_compiler_error(
            "The `" ~ macro ~ "` macro cannot be used with ephemeral models, as it relies on the information schema.\n\n`"
            ~ model_name ~ "` is an ephemeral model. Consider making it a view or table instead.") -%}
    {%- endif -%}
{% endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/jinja_helpers/slugify.sql",
            source: #"""
{# dbt_utils.slugify(string): a safe unquoted identifier — lower case, runs of spaces and
   dashes become one underscore, other characters outside [a-z0-9_] are dropped, and a
   leading digit gets an underscore in front. #}

{% macro slugify(string) %}
    {%- if not string -%}
        {{ return('') }}
    {%- endif -%}
    {%- set ns = namespace(out='', in_gap=false) -%}
    {%- for ch in string | string | lower -%}
        {%- if ch == ' ' or ch == '-' -%}
            {%- if not ns.in_gap -%}{%- set ns.out = ns.out ~ '_' -%}{%- endif -%}
            {%- set ns.in_gap = true -%}
        {%- else -%}
            {%- set ns.in_gap = false -%}
            {%- if ch in 'abcdefghijklmnopqrstuvwxyz0123456789_' -%}
                {%- set ns.out = ns.out ~ ch -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if ns.out and ns.out[0] in '0123456789' -%}
        {%- set ns.out = '_' ~ ns.out -%}
    {%- endif -%}
    {{ return(ns.out) }}
{% endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/sql/date_spine.sql",
            source: #"""
{# dbt_utils.date_spine(datepart, start_date, end_date) with its helpers
   dbt_utils.get_intervals_between, dbt_utils.generate_series and
   dbt_utils.get_powers_of_two. They are dispatched in the dbt_utils namespace (so a
   project can override them there) and default to ingot's dbt.* implementations. #}

{% macro get_powers_of_two(upper_bound) %}
    {{ return(adapter.dispatch('get_powers_of_two', 'dbt_utils')(upper_bound)) }}
{% endmacro %}

{% macro default__get_powers_of_two(upper_bound) %}
    {{ return(dbt.get_powers_of_two(upper_bound)) }}
{% endmacro %}

{% macro generate_series(upper_bound) %}
    {{ return(adapter.dispatch('generate_series', 'dbt_utils')(upper_bound)) }}
{% endmacro %}

{% macro default__generate_series(upper_bound) %}
    {{ return(dbt.generate_series(upper_bound)) }}
{% endmacro %}

{% macro get_intervals_between(start_date, end_date, datepart) -%}
    {{ return(adapter.dispatch('get_intervals_between', 'dbt_utils')(start_date, end_date, datepart)) }}
{%- endmacro %}

{% macro default__get_intervals_between(start_date, end_date, datepart) -%}
    {{ return(dbt.get_intervals_between(start_date, end_date, datepart)) }}
{%- endmacro %}

{% macro date_spine(datepart, start_date, end_date) %}
    {{ return(adapter.dispatch('date_spine', 'dbt_utils')(datepart, start_date, end_date)) }}
{%- endmacro %}

{% macro default__date_spine(datepart, start_date, end_date) %}
    {%- set periods = dbt_utils.get_intervals_between(start_date, end_date, datepart) -%}
    with rawdata as (
        {{ dbt_utils.generate_series(periods if periods > 0 else 1) }}
    ),
    all_periods as (
        select {{ dbt.dateadd(datepart, 'generated_number - 1', start_date) }} as date_{{ datepart }}
        from rawdata
    ),
    filtered as (
        select *
        from all_periods
        where date_{{ datepart }} <= {{ end_date }}
    )
    select * from filtered
{% endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/sql/deduplicate.sql",
            source: #"""
{# dbt_utils.deduplicate(relation, partition_by, order_by): the first row of each
   partition by the given order. `relation` may be a relation or a CTE name. #}

{%- macro deduplicate(relation, partition_by, order_by) -%}
    {{ return(adapter.dispatch('deduplicate', 'dbt_utils')(relation, partition_by, order_by)) }}
{% endmacro %}

{# Generic: number the rows, then natural-join back on every original column so the
   helper column does not leak into the result (rows with nulls cannot match). #}
{%- macro default__deduplicate(relation, partition_by, order_by) -%}
    with ranked as (
        select
            candidate.*,
            row_number() over (partition by {{ partition_by }} order by {{ order_by }}) as rn
        from {{ relation }} as candidate
    )
    select distinct original.*
    from {{ relation }} as original
    natural join ranked
    where ranked.rn = 1
{%- endmacro -%}

{# Redshift has QUALIFY. #}
{%- macro redshift__deduplicate(relation, partition_by, order_by) -%}
    select *
    from {{ relation }} as tt
    qualify row_number() over (partition by {{ partition_by }} order by {{ order_by }}) = 1
{%- endmacro -%}

{# PostgreSQL has DISTINCT ON. #}
{%- macro postgres__deduplicate(relation, partition_by, order_by) -%}
    select distinct on ({{ partition_by }}) *
    from {{ relation }}
    order by {{ partition_by }}, {{ order_by }}
{%- endmacro -%}

{# SQLite: when the columns can be listed (a real relation, at run time) select them
   explicitly around a row_number filter, which also keeps rows containing nulls;
   otherwise (a CTE name) fall back to the natural join. #}
{%- macro sqlite__deduplicate(relation, partition_by, order_by) -%}
    {%- set columns = [] -%}
    {%- if execute and relation is not string and relation.identifier is defined and not relation.is_cte -%}
        {%- for col in adapter.get_columns_in_relation(relation) -%}
            {%- do columns.append(adapter.quote(col.column)) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if columns | length == 0 -%}
        {{ dbt_utils.default__deduplicate(relation, partition_by, order_by) }}
    {%- else -%}
    select {{ columns | join(', ') }}
    from (
        select
            candidate.*,
            row_number() over (partition by {{ partition_by }} order by {{ order_by }}) as _dbt_utils_dedupe_rn
        from {{ relation }} as candidate
    ) as ranked
    where _dbt_utils_dedupe_rn = 1
    {%- endif -%}
{%- endmacro -%}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/sql/generate_surrogate_key.sql",
            source: #"""
{# dbt_utils.generate_surrogate_key(field_list): md5 of the fields cast to text, joined
   with '-'; nulls become '_dbt_utils_surrogate_key_null_' (or '' when the var
   surrogate_key_treat_nulls_as_empty_strings is true), so keys match dbt_utils'. #}

{%- macro generate_surrogate_key(field_list) -%}
    {{ return(adapter.dispatch('generate_surrogate_key', 'dbt_utils')(field_list)) }}
{%- endmacro -%}

{%- macro default__generate_surrogate_key(field_list) -%}
    {%- if var('surrogate_key_treat_nulls_as_empty_strings', false) -%}
        {%- set null_text = '' -%}
    {%- else -%}
        {%- set null_text = '_dbt_utils_surrogate_key_null_' -%}
    {%- endif -%}
    {%- set parts = [] -%}
    {%- for field in field_list -%}
        {%- if not loop.first -%}{%- do parts.append("'-'") -%}{%- endif -%}
        {%- do parts.append("coalesce(cast(" ~ field ~ " as " ~ dbt.type_string() ~ "), '" ~ null_text ~ "')") -%}
    {%- endfor -%}
    {{ dbt.hash(dbt.concat(parts)) }}
{%- endmacro -%}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/sql/get_column_values.sql",
            source: #"""
{# dbt_utils.get_column_values(table, column, order_by='count(*) desc', max_records=none,
   default=none, where=none): the distinct values of a column as a list, most frequent
   first by default. At parse time: `default` (or []). A missing relation returns
   `default`, or is an error when no default is given. #}

{% macro get_column_values(table, column, order_by='count(*) desc', max_records=none, default=none, where=none) -%}
    {{ return(adapter.dispatch('get_column_values', 'dbt_utils')(table, column, order_by, max_records, default, where)) }}
{% endmacro %}

{% macro default__get_column_values(table, column, order_by='count(*) desc', max_records=none, default=none, where=none) -%}
    {%- if not execute -%}
        {{ return(default if default else []) }}
    {%- endif -%}
    {%- do dbt_utils._is_ephemeral(table, 'get_column_values') -%}
    {%- set existing = adapter.get_relation(database=table.database, schema=table.schema, identifier=table.identifier) -%}
    {%- if existing is none -%}
        {%- if default is none -%}
            {{ exceptions.raise_compiler_error("In get_column_values(): relation " ~ table ~ " does not exist and no default value was provided.") }}
        {%- endif -%}
        {%- do log("Relation " ~ table ~ " does not exist. Returning the default value: " ~ default) -%}
        {{ return(default) }}
    {%- endif -%}
    {%- set query -%}
        select {{ column }} as value
        from {{ table }}
        {%- if where is not none %}
        where {{ where }}
        {%- endif %}
        group by {{ column }}
        order by {{ order_by }}
        {%- if max_records is not none %}
        limit {{ max_records }}
        {%- endif %}
    {%- endset -%}
    {%- set result = run_query(query) -%}
    {%- if result is not none and result.rows | length > 0 -%}
        {{ return(result.columns[0].values() | list) }}
    {%- else -%}
        {{ return(default) }}
    {%- endif -%}
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/sql/get_filtered_columns_in_relation.sql",
            source: #"""
{# dbt_utils.get_filtered_columns_in_relation(from, except=[]): the relation's column
   names, in table order, minus those in `except` (case-insensitive). '' at parse time. #}

{% macro get_filtered_columns_in_relation(from, except=[]) -%}
    {{ return(adapter.dispatch('get_filtered_columns_in_relation', 'dbt_utils')(from, except)) }}
{% endmacro %}

{% macro default__get_filtered_columns_in_relation(from, except=[]) -%}
    {%- do dbt_utils._is_relation(from, 'get_filtered_columns_in_relation') -%}
    {%- do dbt_utils._is_ephemeral(from, 'get_filtered_columns_in_relation') -%}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set skip = except | map('lower') | list -%}
    {%- set kept = [] -%}
    {%- for col in adapter.get_columns_in_relation(from) -%}
        {%- if col.column | lower not in skip -%}
            {%- do kept.append(col.column) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(kept) }}
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/sql/get_relations_by_pattern.sql",
            source: #"""
{# dbt_utils.get_relations_by_pattern(schema_pattern, table_pattern, exclude='',
   database=target.database): relations whose schema and name match SQL LIKE patterns
   (case-insensitive; `exclude` is a pattern to leave out), as api.Relation objects.
   Helpers: get_tables_by_pattern_sql (the lookup query, per warehouse) and
   get_table_types_sql (information_schema table_type -> dbt relation type). #}

{% macro get_relations_by_pattern(schema_pattern, table_pattern, exclude='', database=target.database) %}
    {{ return(adapter.dispatch('get_relations_by_pattern', 'dbt_utils')(schema_pattern, table_pattern, exclude, database)) }}
{% endmacro %}

{% macro default__get_relations_by_pattern(schema_pattern, table_pattern, exclude='', database=target.database) %}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set result = run_query(dbt_utils.get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude, database)) -%}
    {%- set found = [] -%}
    {%- if result is not none -%}
        {%- for row in result.rows -%}
            {%- do found.append(api.Relation.create(database=database, schema=row[0], identifier=row[1], type=row[2])) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(found) }}
{% endmacro %}

{% macro get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude='', database=target.database) %}
    {{ return(adapter.dispatch('get_tables_by_pattern_sql', 'dbt_utils')(schema_pattern, table_pattern, exclude, database)) }}
{% endmacro %}

{% macro default__get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude='', database=target.database) %}
    select distinct
        table_schema as {{ adapter.quote('table_schema') }},
        table_name as {{ adapter.quote('table_name') }},
        {{ dbt_utils.get_table_types_sql() }}
    from {{ database }}.information_schema.tables
    where table_schema ilike '{{ schema_pattern }}'
      and table_name ilike '{{ table_pattern }}'
      and table_name not ilike '{{ exclude }}'
{% endmacro %}

{# Redshift: information_schema.tables does not list external (Spectrum) tables. #}
{% macro redshift__get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude='', database=target.database) %}
    select distinct
        table_schema as {{ adapter.quote('table_schema') }},
        table_name as {{ adapter.quote('table_name') }},
        {{ dbt_utils.get_table_types_sql() }}
    from "{{ database }}"."information_schema"."tables"
    where table_schema ilike '{{ schema_pattern }}'
      and table_name ilike '{{ table_pattern }}'
      and table_name not ilike '{{ exclude }}'
    union all
    select distinct
        schemaname as {{ adapter.quote('table_schema') }},
        tablename as {{ adapter.quote('table_name') }},
        'external' as {{ adapter.quote('table_type') }}
    from svv_external_tables
    where redshift_database_name = '{{ database }}'
      and schemaname ilike '{{ schema_pattern }}'
      and tablename ilike '{{ table_pattern }}'
      and tablename not ilike '{{ exclude }}'
{% endmacro %}

{# SQLite: schemas are attached databases, each with its own sqlite_master; LIKE is
   case-insensitive for ASCII, like ilike. Lists the matching schemas first. #}
{% macro sqlite__get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude='', database=target.database) %}
    {%- set schemas = [] -%}
    {%- if execute -%}
        {%- set listed = run_query("select name from pragma_database_list where name like '" ~ schema_pattern ~ "' and name <> 'temp' order by seq") -%}
        {%- for row in listed.rows -%}{%- do schemas.append(row[0]) -%}{%- endfor -%}
    {%- endif -%}
    {%- if schemas | length == 0 -%}
        select '' as table_schema, '' as table_name, '' as table_type where 1 = 0
    {%- else -%}
        {%- for schema in schemas %}
    select
        '{{ schema }}' as table_schema,
        name as table_name,
        case type when 'view' then 'view' else 'table' end as table_type
    from {{ adapter.quote(schema) }}.sqlite_master
    where type in ('table', 'view')
      and name not like 'sqlite\_%' escape '\'
      and name like '{{ table_pattern }}'
      and name not like '{{ exclude }}'
        {%- if not loop.last %}
    union all
        {%- endif %}
        {%- endfor %}
    {%- endif -%}
{% endmacro %}

{% macro get_table_types_sql() %}
    {{ return(adapter.dispatch('get_table_types_sql', 'dbt_utils')()) }}
{% endmacro %}

{% macro default__get_table_types_sql() -%}
    case table_type
        when 'BASE TABLE' then 'table'
        when 'EXTERNAL TABLE' then 'external'
        when 'MATERIALIZED VIEW' then 'materializedview'
        else lower(table_type)
    end as {{ adapter.quote('table_type') }}
{%- endmacro %}

{% macro postgres__get_table_types_sql() -%}
    case table_type
        when 'BASE TABLE' then 'table'
        when 'FOREIGN' then 'external'
        when 'MATERIALIZED VIEW' then 'materializedview'
        else lower(table_type)
    end as {{ adapter.quote('table_type') }}
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/sql/group_by.sql",
            source: #"""
{# dbt_utils.group_by(n): "group by 1,2,...,n". #}

{%- macro group_by(n) -%}
    {{ return(adapter.dispatch('group_by', 'dbt_utils')(n)) }}
{% endmacro %}

{%- macro default__group_by(n) -%}
    group by {% for i in range(1, n + 1) %}{{ i }}{% if not loop.last %},{% endif %}{% endfor %}
{%- endmacro -%}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/sql/pivot.sql",
            source: #"""
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

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/sql/safe_arithmetic.sql",
            source: #"""
{# dbt_utils.safe_add(field_list), safe_subtract(field_list), safe_divide(numerator,
   denominator): arithmetic that treats null operands as 0 (add, subtract) or returns
   null instead of dividing by zero. #}

{%- macro safe_add(field_list) -%}
    {{ return(adapter.dispatch('safe_add', 'dbt_utils')(field_list)) }}
{% endmacro %}

{%- macro default__safe_add(field_list) -%}
    {%- if field_list is string or field_list is mapping or field_list is not iterable -%}
        {%- do exceptions.warn("Warning: the `safe_add` macro now takes a single list argument instead of string arguments. The " ~ model.package_name ~ "." ~ model.name ~ " model triggered this warning.") -%}
    {%- endif -%}
    {%- set terms = [] -%}
    {%- for field in field_list -%}
        {%- do terms.append('coalesce(' ~ field ~ ', 0)') -%}
    {%- endfor -%}
    {{ terms | join(' +\n  ') }}
{%- endmacro -%}

{%- macro safe_subtract(field_list) -%}
    {{ return(adapter.dispatch('safe_subtract', 'dbt_utils')(field_list)) }}
{% endmacro %}

{%- macro default__safe_subtract(field_list) -%}
    {%- if field_list is string or field_list is mapping or field_list is not iterable -%}
        {%- do exceptions.raise_compiler_error("Warning: the `safe_subtract` macro takes a single list argument instead of string arguments. The " ~ model.package_name ~ "." ~ model.name ~ " model triggered this warning.") -%}
    {%- endif -%}
    {%- set terms = [] -%}
    {%- for field in field_list -%}
        {%- do terms.append('coalesce(' ~ field ~ ', 0)') -%}
    {%- endfor -%}
    {{ terms | join(' -\n  ') }}
{%- endmacro -%}

{% macro safe_divide(numerator, denominator) -%}
    {{ return(adapter.dispatch('safe_divide', 'dbt_utils')(numerator, denominator)) }}
{%- endmacro %}

{% macro default__safe_divide(numerator, denominator) -%}
    ({{ numerator }}) / nullif(({{ denominator }}), 0)
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/sql/star.sql",
            source: #"""
{# dbt_utils.star(from, relation_alias=False, except=[], prefix='', suffix='',
   quote_identifiers=True): the relation's columns as a select list, optionally
   qualified, filtered, and renamed with a prefix/suffix. '*' at parse time. #}

{% macro star(from, relation_alias=False, except=[], prefix='', suffix='', quote_identifiers=True) -%}
    {{ return(adapter.dispatch('star', 'dbt_utils')(from, relation_alias, except, prefix, suffix, quote_identifiers)) }}
{% endmacro %}

{% macro default__star(from, relation_alias=False, except=[], prefix='', suffix='', quote_identifiers=True) -%}
    {%- do dbt_utils._is_relation(from, 'star') -%}
    {%- do dbt_utils._is_ephemeral(from, 'star') -%}
    {%- if not execute -%}
        {{ return('*') }}
    {%- endif -%}
    {%- set columns = dbt_utils.get_filtered_columns_in_relation(from, except) -%}
    {%- if columns | length == 0 -%}
        {%- if flags is defined and flags.WHICH == 'compile' -%}
            {{ return("*\n/* No columns were returned. Maybe the relation doesn't exist yet\nor all columns were excluded. This star is only output during\ndbt compile, and exists to keep SQLFluff happy. */") }}
        {%- else -%}
            {{ return('/* no columns returned from star() macro */') }}
        {%- endif -%}
    {%- endif -%}
    {%- set items = [] -%}
    {%- for col in columns -%}
        {%- set source_name = (adapter.quote(col) if quote_identifiers else col) | trim -%}
        {%- set item = (relation_alias ~ '.' if relation_alias else '') ~ source_name -%}
        {%- if prefix != '' or suffix != '' -%}
            {%- set new_name = prefix ~ col ~ suffix -%}
            {%- set item = item ~ ' as ' ~ ((adapter.quote(new_name) if quote_identifiers else new_name) | trim) -%}
        {%- endif -%}
        {%- do items.append(item) -%}
    {%- endfor -%}
    {{ items | join(',\n  ') }}
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/sql/surrogate_key.sql",
            source: #"""
{# dbt_utils.surrogate_key: removed in dbt_utils 1.0; calling it fails with the same
   explanation dbt_utils gives. #}

{%- macro surrogate_key(field_list) -%}
    {%- set extra = varargs -%}
    {{ return(adapter.dispatch('surrogate_key', 'dbt_utils')(field_list, *varargs)) }}
{%- endmacro -%}

{%- macro default__surrogate_key(field_list) -%}
    {%- set extra = varargs -%}
    {%- do exceptions.raise_compiler_error(
        "\nWarning: `dbt_utils.surrogate_key` has been replaced by `dbt_utils.generate_surrogate_key`. "
        ~ "The new macro treats null values differently to empty strings. "
        ~ "To restore the behaviour of the original macro, add a global variable in dbt_project.yml called "
        ~ "`surrogate_key_treat_nulls_as_empty_strings` to your dbt_project.yml file with a value of True. "
        ~ "The " ~ model.package_name ~ "." ~ model.name ~ " model triggered this warning. \n") -%}
{%- endmacro -%}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/sql/union_relations.sql",
            source: #"""
{# dbt_utils.union_relations(relations, column_override=none, include=[], exclude=[],
   source_column_name='_dbt_source_relation', where=none): union all of several
   relations over the superset of their columns (first-seen order), casting each column
   to one type and filling missing columns with null; a column naming the source
   relation leads each row. '' at parse time. #}

{%- macro union_relations(relations, column_override=none, include=[], exclude=[], source_column_name='_dbt_source_relation', where=none) -%}
    {{ return(adapter.dispatch('union_relations', 'dbt_utils')(relations, column_override, include, exclude, source_column_name, where)) }}
{% endmacro %}

{%- macro default__union_relations(relations, column_override=none, include=[], exclude=[], source_column_name='_dbt_source_relation', where=none) -%}
    {%- if exclude and include -%}
        {{ exceptions.raise_compiler_error("Both an exclude and include list were provided to the `union` macro. Only one is allowed") }}
    {%- endif -%}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set overrides = column_override if column_override is not none else {} -%}
    {%- set include_lower = include | map('lower') | list -%}
    {%- set exclude_lower = exclude | map('lower') | list -%}

    {#- superset: column name -> column object; present: relation index -> kept names -#}
    {%- set superset = {} -%}
    {%- set order = [] -%}
    {%- set present = [] -%}
    {%- for relation in relations -%}
        {%- do dbt_utils._is_relation(relation, 'union_relations') -%}
        {%- do dbt_utils._is_ephemeral(relation, 'union_relations') -%}
        {%- set names = [] -%}
        {%- for col in adapter.get_columns_in_relation(relation) -%}
            {%- set key = col.column | lower -%}
            {%- if (exclude and key in exclude_lower) or (include and key not in include_lower) -%}
                {#- filtered out -#}
            {%- else -%}
                {%- do names.append(col.column) -%}
                {%- if col.column not in superset -%}
                    {%- do superset.update({col.column: col}) -%}
                    {%- do order.append(col.column) -%}
                {%- else -%}
                    {#- keep the wider of two string columns -#}
                    {%- set seen = superset[col.column] -%}
                    {%- if col.is_string() and seen.is_string() and (col.string_size() or 0) > (seen.string_size() or 0) -%}
                        {%- do superset.update({col.column: col}) -%}
                    {%- endif -%}
                {%- endif -%}
            {%- endif -%}
        {%- endfor -%}
        {%- do present.append(names) -%}
    {%- endfor -%}

    {%- if (include | length > 0 or exclude | length > 0) and order | length == 0 and flags is defined and flags.WHICH in ['run', 'build'] -%}
        {{ exceptions.raise_compiler_error("There were no columns found to union for relations " ~ (relations | map(attribute='name') | join(', '))) }}
    {%- endif -%}

    {%- for relation in relations %}
    {%- set kept = present[loop.index0] %}
    select
            {%- set select_items = [] %}
            {%- if source_column_name is not none %}
            {%- do select_items.append(dbt.cast(dbt.string_literal(relation | string), dbt.type_string()) ~ ' as ' ~ source_column_name) %}
            {%- endif %}
            {%- if order | length == 0 and flags is defined and flags.WHICH == 'compile' %}
            {%- do select_items.append('*') %}
            {%- endif %}
            {%- for name in order %}
            {%- set col = superset[name] %}
            {%- set col_type = overrides.get(name, col.data_type) %}
            {%- set value = adapter.quote(name) if name in kept else 'null' %}
            {%- if col_type %}
            {%- do select_items.append(dbt.cast(value, col_type) ~ ' as ' ~ adapter.quote(name)) %}
            {%- else %}
            {%- do select_items.append(value ~ ' as ' ~ adapter.quote(name)) %}
            {%- endif %}
            {%- endfor %}
        {{ select_items | join(',\n        ') }}
    from {{ relation }}
    {%- if where %}
    where {{ where }}
    {%- endif %}
    {% if not loop.last %}union all{% endif %}
    {%- endfor -%}
{%- endmacro -%}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_utils",
            path: "macros/sql/unpivot.sql",
            source: #"""
{# dbt_utils.unpivot(relation=none, cast_to='varchar', exclude=none, remove=none,
   field_name='field_name', value_name='value', quote_identifiers=False): columns to
   rows — one select per unpivoted column, unioned; `exclude` columns are carried along,
   `remove` columns dropped. Boolean columns go through dbt.cast_bool_to_text. #}

{% macro unpivot(relation=none, cast_to='varchar', exclude=none, remove=none, field_name='field_name', value_name='value', quote_identifiers=False) -%}
    {{ return(adapter.dispatch('unpivot', 'dbt_utils')(relation, cast_to, exclude, remove, field_name, value_name, quote_identifiers)) }}
{% endmacro %}

{% macro default__unpivot(relation=none, cast_to='varchar', exclude=none, remove=none, field_name='field_name', value_name='value', quote_identifiers=False) -%}
    {%- if not relation -%}
        {{ exceptions.raise_compiler_error("Error: argument `relation` is required for `unpivot` macro.") }}
    {%- endif -%}
    {%- do dbt_utils._is_relation(relation, 'unpivot') -%}
    {%- do dbt_utils._is_ephemeral(relation, 'unpivot') -%}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set exclude = exclude if exclude is not none else [] -%}
    {%- set remove = remove if remove is not none else [] -%}
    {%- set skip = (exclude | map('lower') | list) + (remove | map('lower') | list) -%}
    {%- set field_alias = adapter.quote(field_name) if quote_identifiers else field_name -%}
    {%- set value_alias = adapter.quote(value_name) if quote_identifiers else value_name -%}
    {%- set selects = [] -%}
    {%- for col in adapter.get_columns_in_relation(relation) -%}
        {%- if col.column | lower not in skip -%}
            {%- set source_name = adapter.quote(col.column) if quote_identifiers else col.column -%}
            {%- if (col.data_type | string | lower) == 'boolean' -%}
                {%- set source_name = dbt.cast_bool_to_text(source_name) | trim -%}
            {%- endif -%}
            {%- set items = [] -%}
            {%- for kept in exclude -%}
                {%- do items.append(adapter.quote(kept) if quote_identifiers else kept) -%}
            {%- endfor -%}
            {%- do items.append(dbt.cast("'" ~ dbt.escape_single_quotes(col.column) ~ "'", dbt.type_string()) ~ ' as ' ~ field_alias) -%}
            {%- do items.append(dbt.cast(source_name, cast_to) ~ ' as ' ~ value_alias) -%}
            {%- do selects.append('select\n    ' ~ (items | join(',\n    ')) ~ '\nfrom ' ~ relation) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ selects | join('\nunion all\n') }}
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_expectations",
            path: "macros/regex/regexp_instr.sql",
            source: #"""
{# dbt_expectations.regexp_instr(source_value, regexp, position=1, occurrence=1,
   is_raw=False, flags=""): > 0 when source_value matches regexp, 0 when it does not,
   null when source_value is null. `regexp` is pasted into a SQL string literal (single
   quotes are doubled); `flags` are the warehouse's regex flags (e.g. 'i'). #}

{% macro regexp_instr(source_value, regexp, position=1, occurrence=1, is_raw=False, flags="") %}
    {{ adapter.dispatch('regexp_instr', 'dbt_expectations')(source_value, regexp, position, occurrence, is_raw, flags) }}
{% endmacro %}

{% macro _regex_literal(regexp) -%}
    '{{ regexp | replace("'", "''") }}'
{%- endmacro %}

{# Flags outside the warehouse's alphabet are reported, not fatal (a disabled test with a
   bad flag must still compile). #}
{% macro _validate_flags(flags, alphabet) %}
    {%- for flag in flags -%}
        {%- if flag not in alphabet -%}
            {%- do exceptions.warn("flag " ~ flag ~ " not in list of allowed flags for this adapter: " ~ (alphabet | list | join(", "))) -%}
        {%- endif -%}
    {%- endfor -%}
{% endmacro %}

{% macro default__regexp_instr(source_value, regexp, position, occurrence, is_raw, flags) -%}
    {%- if is_raw or flags -%}
        {%- do exceptions.warn("is_raw and flags options are not supported for this adapter and are being ignored.") -%}
    {%- endif -%}
    regexp_instr({{ source_value }}, {{ dbt_expectations._regex_literal(regexp) }}, {{ position }}, {{ occurrence }})
{%- endmacro %}

{# PostgreSQL: the ~ operator; flags become an embedded-options prefix "(?flags)". #}
{% macro postgres__regexp_instr(source_value, regexp, position, occurrence, is_raw, flags) -%}
    {%- if flags -%}{%- do dbt_expectations._validate_flags(flags, 'bcegimnpqstwx') -%}{%- endif -%}
    {%- set options = flags | replace('g', '') -%}
    {%- set pattern = ('(?' ~ options ~ ')' if options else '') ~ regexp -%}
    (({{ source_value }}) ~ {{ dbt_expectations._regex_literal(pattern) }})::integer
{%- endmacro %}

{% macro redshift__regexp_instr(source_value, regexp, position, occurrence, is_raw, flags) -%}
    {%- if flags -%}{%- do dbt_expectations._validate_flags(flags, 'ciep') -%}{%- endif -%}
    regexp_instr({{ source_value }}, {{ dbt_expectations._regex_literal(regexp) }}, {{ position }}, {{ occurrence }}, 0, '{{ flags }}')
{%- endmacro %}

{# SQLite: the REGEXP operator, backed by ingot's function library; 'i' becomes an
   inline (?i) option. #}
{% macro sqlite__regexp_instr(source_value, regexp, position, occurrence, is_raw, flags) -%}
    {%- if flags -%}{%- do dbt_expectations._validate_flags(flags, 'imsx') -%}{%- endif -%}
    {%- set pattern = ('(?' ~ flags ~ ')' if flags else '') ~ regexp -%}
    (({{ source_value }}) regexp {{ dbt_expectations._regex_literal(pattern) }})
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_expectations",
            path: "macros/schema_tests/_generalized/equal_expression.sql",
            source: #"""
{# dbt_expectations.test_equal_expression(model, expression, compare_model=None,
   compare_expression=None, group_by=None, compare_group_by=None, row_condition=None,
   compare_row_condition=None, tolerance=0.0, tolerance_percent=None): compares an
   aggregate expression over model with one over compare_model (each defaulting to the
   first), per group when group_by is given; fails where they differ by more than the
   tolerance. dbt_expectations.get_select builds each side. #}

{% macro get_select(model, expression, row_condition, group_by) -%}
    {{ adapter.dispatch('get_select', 'dbt_expectations')(model, expression, row_condition, group_by) }}
{%- endmacro %}

{%- macro default__get_select(model, expression, row_condition, group_by) %}
    select
        {%- for g in (group_by or []) %}
        {{ g }} as col_{{ loop.index }},
        {%- endfor %}
        {{ expression }} as expression
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
    {%- if group_by %}
    group by {% for g in group_by %}{{ loop.index }}{% if not loop.last %}, {% endif %}{% endfor %}
    {%- endif %}
{% endmacro -%}

{% test equal_expression(model, expression, compare_model=None, compare_expression=None, group_by=None, compare_group_by=None, row_condition=None, compare_row_condition=None, tolerance=0.0, tolerance_percent=None) -%}
    {{ adapter.dispatch('test_equal_expression', 'dbt_expectations')(model, expression, compare_model, compare_expression, group_by, compare_group_by, row_condition, compare_row_condition, tolerance, tolerance_percent) }}
{%- endtest %}

{%- macro default__test_equal_expression(model, expression, compare_model, compare_expression, group_by, compare_group_by, row_condition, compare_row_condition, tolerance, tolerance_percent) -%}
    {%- set compare_model = compare_model or model -%}
    {%- set compare_expression = compare_expression or expression -%}
    {%- set compare_row_condition = compare_row_condition or row_condition -%}
    {%- set compare_group_by = compare_group_by or group_by -%}
    {%- set n_cols = group_by | length if group_by else 0 %}
    with a as (
        {{ dbt_expectations.get_select(model, expression, row_condition, group_by) }}
    ),
    b as (
        {{ dbt_expectations.get_select(compare_model, compare_expression, compare_row_condition, compare_group_by) }}
    ),
    final as (
        select
            {%- for i in range(1, n_cols + 1) %}
            coalesce(a.col_{{ i }}, b.col_{{ i }}) as col_{{ i }},
            {%- endfor %}
            a.expression,
            b.expression as compare_expression,
            abs(coalesce(a.expression, 0) - coalesce(b.expression, 0)) as expression_difference,
            abs(coalesce(a.expression, 0) - coalesce(b.expression, 0)) / nullif(a.expression * 1.0, 0) as expression_difference_percent
        from
        {%- if n_cols > 0 %}
            a full outer join b
            on {% for i in range(1, n_cols + 1) %}a.col_{{ i }} = b.col_{{ i }}{% if not loop.last %} and {% endif %}{% endfor %}
        {%- else %}
            a cross join b
        {%- endif %}
    )
    select *
    from final
    where
    {%- if tolerance_percent %}
        expression_difference_percent > {{ tolerance_percent }}
    {%- else %}
        expression_difference > {{ tolerance }}
    {%- endif %}
{%- endmacro -%}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_expectations",
            path: "macros/schema_tests/_generalized/expression_between.sql",
            source: #"""
{# dbt_expectations.expression_between(model, expression, min_value, max_value,
   group_by_columns, row_condition, strictly): expression_is_true over
   "min <= expression <= max" (strict bounds with strictly=True; either bound may be
   omitted, not both). Also usable as a test. #}

{% test expression_between(model, expression, min_value=None, max_value=None, group_by_columns=None, row_condition=None, strictly=False) %}
    {{ dbt_expectations.expression_between(model, expression, min_value, max_value, group_by_columns, row_condition, strictly) }}
{% endtest %}

{% macro expression_between(model, expression, min_value, max_value, group_by_columns, row_condition, strictly) %}
    {%- if min_value is none and max_value is none -%}
        {{ exceptions.raise_compiler_error("You have to provide either a min_value, max_value or both.") }}
    {%- endif -%}
    {%- set eq = '' if strictly else '=' -%}
    {%- set expr = expression | trim -%}
    {%- set bounds = ['1=1'] -%}
    {%- if min_value is not none -%}{%- do bounds.append(expr ~ ' >' ~ eq ~ ' ' ~ min_value) -%}{%- endif -%}
    {%- if max_value is not none -%}{%- do bounds.append(expr ~ ' <' ~ eq ~ ' ' ~ max_value) -%}{%- endif -%}
    {{ dbt_expectations.expression_is_true(model, expression='(' ~ (bounds | join(' and ')) ~ ')', group_by_columns=group_by_columns, row_condition=row_condition) }}
{% endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_expectations",
            path: "macros/schema_tests/_generalized/expression_is_true.sql",
            source: #"""
{# dbt_expectations.expression_is_true(model, expression, test_condition="= true",
   group_by_columns=None, row_condition=None): the engine behind most expectations.
   Evaluates `expression` per row (or per group when group_by_columns is given, for
   aggregate expressions) over the rows matching row_condition, and returns those where
   `expression <test_condition>` is not true. Also usable as a test. #}

{% test expression_is_true(model, expression, test_condition="= true", group_by_columns=None, row_condition=None) %}
    {{ dbt_expectations.expression_is_true(model, expression, test_condition, group_by_columns, row_condition) }}
{% endtest %}

{% macro expression_is_true(model, expression, test_condition="= true", group_by_columns=None, row_condition=None) %}
    {{ adapter.dispatch('expression_is_true', 'dbt_expectations')(model, expression, test_condition, group_by_columns, row_condition) }}
{%- endmacro %}

{% macro default__expression_is_true(model, expression, test_condition, group_by_columns, row_condition) -%}
with grouped_expression as (
    select
        {%- for column in (group_by_columns or []) %}
        {{ column }} as col_{{ loop.index }},
        {%- endfor %}
        {{ dbt_expectations.truth_expression(expression) }}
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
    {%- if group_by_columns %}
    group by {{ group_by_columns | join(', ') }}
    {%- endif %}
),
validation_errors as (
    select *
    from grouped_expression
    where not (expression {{ test_condition }})
)
select * from validation_errors
{%- endmacro %}

{% macro truth_expression(expression) %}
    {{ adapter.dispatch('truth_expression', 'dbt_expectations')(expression) }}
{% endmacro %}

{% macro default__truth_expression(expression) -%}
    {{ expression | trim }} as expression
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_expectations",
            path: "macros/schema_tests/_generalized/ignore_row_if_expression.sql",
            source: #"""
{# dbt_expectations.ignore_row_if_expression(ignore_row_if, columns): the row filter for
   multi-column expectations — skip rows where all ('all_values_are_missing') or any
   ('any_value_is_missing') of the columns are null. #}

{% macro ignore_row_if_expression(ignore_row_if, columns) %}
    {{ adapter.dispatch('ignore_row_if_expression', 'dbt_expectations')(ignore_row_if, columns) }}
{% endmacro %}

{% macro default__ignore_row_if_expression(ignore_row_if, columns) -%}
    {%- set allowed = ['all_values_are_missing', 'any_value_is_missing'] -%}
    {%- if ignore_row_if not in allowed -%}
        {{ exceptions.raise_compiler_error("`ignore_row_if` must be one of " ~ (allowed | join(", ")) ~ ". Got: '" ~ ignore_row_if ~ "'.'") }}
    {%- endif -%}
    {%- set joiner = ' and ' if ignore_row_if == 'all_values_are_missing' else ' or ' -%}
    {%- set checks = [] -%}
    {%- for column in columns -%}{%- do checks.append(column ~ ' is null') -%}{%- endfor -%}
    not ({{ checks | join(joiner) }})
{%- endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_expectations",
            path: "macros/schema_tests/aggregate_functions/expect_column_distinct_count_to_equal.sql",
            source: #"""
{# dbt_expectations test expect_column_distinct_count_to_equal(model, column_name, value,
   group_by=None, row_condition=None): fails when count(distinct column) (per group)
   is not `value`. #}

{% test expect_column_distinct_count_to_equal(model, column_name, value, group_by=None, row_condition=None) %}
    {{ dbt_expectations.expression_is_true(model, expression='count(distinct ' ~ column_name ~ ') = ' ~ value, group_by_columns=group_by, row_condition=row_condition) }}
{%- endtest -%}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_expectations",
            path: "macros/schema_tests/aggregate_functions/expect_column_mean_to_be_between.sql",
            source: #"""
{# dbt_expectations test expect_column_mean_to_be_between(model, column_name,
   min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False):
   fails when avg(column) (per group) is outside the bounds. #}

{% test expect_column_mean_to_be_between(model, column_name, min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False) %}
    {{ dbt_expectations.expression_between(model, expression='avg(' ~ column_name ~ ')', min_value=min_value, max_value=max_value, group_by_columns=group_by, row_condition=row_condition, strictly=strictly) }}
{% endtest %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_expectations",
            path: "macros/schema_tests/column_values_basic/expect_column_values_to_be_between.sql",
            source: #"""
{# dbt_expectations test expect_column_values_to_be_between(model, column_name,
   min_value=None, max_value=None, row_condition=None, strictly=False): fails for rows
   whose value is outside the bounds (nulls pass). #}

{% test expect_column_values_to_be_between(model, column_name, min_value=None, max_value=None, row_condition=None, strictly=False) %}
    {{ dbt_expectations.expression_between(model, expression=column_name, min_value=min_value, max_value=max_value, group_by_columns=None, row_condition=row_condition, strictly=strictly) }}
{% endtest %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_expectations",
            path: "macros/schema_tests/column_values_basic/expect_column_values_to_be_in_set.sql",
            source: #"""
{# dbt_expectations test expect_column_values_to_be_in_set(model, column_name, value_set,
   quote_values=True, row_condition=None): fails for rows whose value is not in
   value_set (a null is not in any set). Values are compared as strings unless
   quote_values is false. #}

{% test expect_column_values_to_be_in_set(model, column_name, value_set, quote_values=True, row_condition=None) %}
with all_values as (
    select {{ column_name }} as value_field
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
),
set_values as (
    {%- for value in value_set %}
    select {% if quote_values %}{{ dbt.cast(dbt.string_literal(value), dbt.type_string()) }}{% else %}{{ value }}{% endif %} as value_field
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),
validation_errors as (
    select v.value_field
    from all_values as v
    left join set_values as s on v.value_field = s.value_field
    where s.value_field is null
)
select * from validation_errors
{% endtest %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_expectations",
            path: "macros/schema_tests/column_values_basic/expect_column_values_to_be_unique.sql",
            source: #"""
{# dbt_expectations test expect_column_values_to_be_unique(model, column_name,
   row_condition=None): fails for each value occurring more than once (nulls ignored). #}

{% test expect_column_values_to_be_unique(model, column_name, row_condition=None) %}
    {{ dbt_expectations.test_expect_compound_columns_to_be_unique(model, [column_name], row_condition=row_condition) }}
{% endtest %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_expectations",
            path: "macros/schema_tests/column_values_basic/expect_column_values_to_not_be_null.sql",
            source: #"""
{# dbt_expectations test expect_column_values_to_not_be_null(model, column_name,
   row_condition=None): fails for null values among rows matching row_condition. #}

{% test expect_column_values_to_not_be_null(model, column_name, row_condition=None) %}
    {{ dbt_expectations.expression_is_true(model, expression=column_name ~ ' is not null', group_by_columns=None, row_condition=row_condition) }}
{% endtest %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_expectations",
            path: "macros/schema_tests/multi-column/expect_column_pair_values_A_to_be_greater_than_B.sql",
            source: #"""
{# dbt_expectations test expect_column_pair_values_A_to_be_greater_than_B(model, column_A,
   column_B, or_equal=False, row_condition=None): fails for rows where column_A is not
   greater than (or equal to, with or_equal) column_B. #}

{% test expect_column_pair_values_A_to_be_greater_than_B(model, column_A, column_B, or_equal=False, row_condition=None) %}
    {%- set operator = '>=' if or_equal else '>' -%}
    {{ dbt_expectations.expression_is_true(model, expression=column_A ~ ' ' ~ operator ~ ' ' ~ column_B, group_by_columns=None, row_condition=row_condition) }}
{% endtest %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_expectations",
            path: "macros/schema_tests/multi-column/expect_compound_columns_to_be_unique.sql",
            source: #"""
{# dbt_expectations test expect_compound_columns_to_be_unique(model, column_list,
   quote_columns=False, ignore_row_if="all_values_are_missing", row_condition=None):
   fails for each combination of values occurring more than once, skipping rows whose
   columns are all (or, with "any_value_is_missing", any) null. #}

{% test expect_compound_columns_to_be_unique(model, column_list, quote_columns=False, ignore_row_if="all_values_are_missing", row_condition=None) %}
    {%- if not column_list -%}
        {{ exceptions.raise_compiler_error("`column_list` must be specified as a list of columns. Got: '" ~ column_list ~ "'.'") }}
    {%- endif -%}
    {%- if quote_columns not in [true, false] -%}
        {{ exceptions.raise_compiler_error("`quote_columns` argument for expect_compound_columns_to_be_unique test must be one of [True, False] Got: '" ~ quote_columns ~ "'.'") }}
    {%- endif -%}
    {%- set columns = [] -%}
    {%- for column in column_list -%}
        {%- do columns.append(adapter.quote(column) if quote_columns else column) -%}
    {%- endfor -%}
    {%- set filters = [] -%}
    {%- if row_condition -%}{%- do filters.append('(' ~ row_condition ~ ')') -%}{%- endif -%}
    {%- do filters.append(dbt_expectations.ignore_row_if_expression(ignore_row_if, columns) | trim) %}
with validation_errors as (
    select
        {{ columns | join(', ') }},
        count(*) as {{ adapter.quote('n_records') }}
    from {{ model }}
    where {{ filters | join('\n      and ') }}
    group by {{ columns | join(', ') }}
    having count(*) > 1
)
select * from validation_errors
{% endtest %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_expectations",
            path: "macros/schema_tests/string_matching/expect_column_value_lengths_to_be_between.sql",
            source: #"""
{# dbt_expectations test expect_column_value_lengths_to_be_between(model, column_name,
   min_value=None, max_value=None, row_condition=None, strictly=False): fails for
   values whose length (dbt.length) is outside the bounds. #}

{% test expect_column_value_lengths_to_be_between(model, column_name, min_value=None, max_value=None, row_condition=None, strictly=False) %}
    {{ dbt_expectations.expression_between(model, expression=dbt.length(column_name), min_value=min_value, max_value=max_value, group_by_columns=None, row_condition=row_condition, strictly=strictly) }}
{% endtest %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_expectations",
            path: "macros/schema_tests/string_matching/expect_column_values_to_match_regex.sql",
            source: #"""
{# dbt_expectations test expect_column_values_to_match_regex(model, column_name, regex,
   row_condition=None, is_raw=False, flags=""): fails for values that do not match
   the regex (nulls pass). #}

{% test expect_column_values_to_match_regex(model, column_name, regex, row_condition=None, is_raw=False, flags="") %}
    {%- set expression = (dbt_expectations.regexp_instr(column_name, regex, is_raw=is_raw, flags=flags) | trim) ~ ' > 0' -%}
    {{ dbt_expectations.expression_is_true(model, expression=expression, group_by_columns=None, row_condition=row_condition) }}
{% endtest %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_expectations",
            path: "macros/schema_tests/table_shape/expect_column_to_exist.sql",
            source: #"""
{# dbt_expectations test expect_column_to_exist(model, column_name, column_index=None,
   transform="upper"): fails when the relation has no such column (names compared after
   the `transform` filter), or — with column_index (1-based) — when it is elsewhere.
   Introspects the relation, so it renders nothing at parse time. #}

{%- macro _get_column_list(model, transform="upper") -%}
    {%- set names = adapter.get_columns_in_relation(model) | map(attribute='name') | map(transform) | list -%}
    {%- do return(names) -%}
{%- endmacro -%}

{%- test expect_column_to_exist(model, column_name, column_index=None, transform="upper") -%}
{%- if execute -%}
    {%- set wanted = [column_name] | map(transform) | first -%}
    {%- set names = dbt_expectations._get_column_list(model, transform) -%}
    {%- set found_at = names.index(wanted) if wanted in names else -1 -%}
    {%- if column_index -%}
        {%- set expected_at = column_index - 1 if column_index > 0 else 0 -%}
        {%- set index_matches = found_at == expected_at -%}
    {%- else -%}
        {%- set index_matches = true -%}
    {%- endif %}
with test_data as (
    select
        {{ dbt.cast(dbt.string_literal(wanted), dbt.type_string()) }} as column_name,
        {{ found_at }} as matching_column_index,
        {{ 'true' if index_matches else 'false' }} as column_index_matches
)
select *
from test_data
where not (matching_column_index >= 0 and column_index_matches)
{%- endif -%}
{%- endtest -%}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_expectations",
            path: "macros/schema_tests/table_shape/expect_row_values_to_have_recent_data.sql",
            source: #"""
{# dbt_expectations test expect_row_values_to_have_recent_data(model, column_name,
   datepart, interval, row_condition=None): fails when the latest non-future value of
   column_name (among rows matching row_condition) is older than `interval` dateparts
   before now — or when there is none. #}

{% test expect_row_values_to_have_recent_data(model, column_name, datepart, interval, row_condition=None) %}
    {{ adapter.dispatch('test_expect_row_values_to_have_recent_data', 'dbt_expectations')(model, column_name, datepart, interval, row_condition) }}
{% endtest %}

{% macro default__test_expect_row_values_to_have_recent_data(model, column_name, datepart, interval, row_condition) %}
    {%- set ts_type = dbt_expectations.type_timestamp() -%}
    {%- set now = dbt.cast(dbt.current_timestamp(), ts_type) -%}
    {%- set value = dbt.cast(column_name, ts_type) %}
with max_recency as (
    select max({{ value }}) as max_timestamp
    from {{ model }}
    where {{ value }} <= {{ now }}  -- ignore values in the future
    {%- if row_condition %}
      and {{ row_condition }}
    {%- endif %}
)
select *
from max_recency
where coalesce(max_timestamp, {{ dbt.cast("'1970-01-01'", ts_type) }})
    < {{ dbt.cast(dbt.dateadd(datepart, interval * -1, now), ts_type) }}
{% endmacro %}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_expectations",
            path: "macros/schema_tests/table_shape/expect_table_row_count_to_be_between.sql",
            source: #"""
{# dbt_expectations test expect_table_row_count_to_be_between(model, min_value=None,
   max_value=None, group_by=None, row_condition=None, strictly=False): fails when the
   row count (per group) is outside the bounds. #}

{%- test expect_table_row_count_to_be_between(model, min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False) -%}
    {{ adapter.dispatch('test_expect_table_row_count_to_be_between', 'dbt_expectations')(model, min_value, max_value, group_by, row_condition, strictly) }}
{%- endtest %}

{%- macro default__test_expect_table_row_count_to_be_between(model, min_value, max_value, group_by, row_condition, strictly) -%}
    {{ dbt_expectations.expression_between(model, expression='count(*)', min_value=min_value, max_value=max_value, group_by_columns=group_by, row_condition=row_condition, strictly=strictly) }}
{%- endmacro -%}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_expectations",
            path: "macros/schema_tests/table_shape/expect_table_row_count_to_equal_other_table.sql",
            source: #"""
{# dbt_expectations test expect_table_row_count_to_equal_other_table(model,
   compare_model, group_by=None, compare_group_by=None, factor=1, row_condition=None,
   compare_row_condition=None): fails when model's row count (per group) differs from
   factor x compare_model's. #}

{%- test expect_table_row_count_to_equal_other_table(model, compare_model, group_by=None, compare_group_by=None, factor=1, row_condition=None, compare_row_condition=None) -%}
    {{ adapter.dispatch('test_expect_table_row_count_to_equal_other_table', 'dbt_expectations')(model, compare_model, group_by, compare_group_by, factor, row_condition, compare_row_condition) }}
{%- endtest %}

{%- macro default__test_expect_table_row_count_to_equal_other_table(model, compare_model, group_by, compare_group_by, factor, row_condition, compare_row_condition) -%}
    {{ dbt_expectations.test_equal_expression(model, 'count(*)',
        compare_model=compare_model,
        compare_expression='count(*) * ' ~ factor,
        group_by=group_by,
        compare_group_by=compare_group_by,
        row_condition=row_condition,
        compare_row_condition=compare_row_condition) }}
{%- endmacro -%}

"""#
        ),
        BuiltinMacroFile(
            package: "dbt_expectations",
            path: "macros/utils/datatypes.sql",
            source: #"""
{# dbt_expectations.type_timestamp() and type_datetime(): the timestamp type the
   expectations cast to (PostgreSQL spells out "without time zone"). #}

{%- macro type_timestamp() -%}
    {{ return(adapter.dispatch('type_timestamp', 'dbt_expectations')()) }}
{%- endmacro -%}

{% macro default__type_timestamp() %}{{ return('timestamp') }}{% endmacro %}
{% macro postgres__type_timestamp() %}{{ return('timestamp without time zone') }}{% endmacro %}
{% macro redshift__type_timestamp() %}{{ return('timestamp') }}{% endmacro %}

{%- macro type_datetime() -%}
    {{ return(adapter.dispatch('type_datetime', 'dbt_expectations')()) }}
{%- endmacro -%}

{% macro default__type_datetime() %}{{ return('datetime') }}{% endmacro %}
{% macro postgres__type_datetime() %}{{ return('timestamp without time zone') }}{% endmacro %}
{% macro redshift__type_datetime() %}{{ return('timestamp') }}{% endmacro %}
{% macro sqlite__type_datetime() %}{{ return('timestamp') }}{% endmacro %}

"""#
        ),
    ]
}
