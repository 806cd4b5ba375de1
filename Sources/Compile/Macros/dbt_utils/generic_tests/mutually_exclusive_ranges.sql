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
