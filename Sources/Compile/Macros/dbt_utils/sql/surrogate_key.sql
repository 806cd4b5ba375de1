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
