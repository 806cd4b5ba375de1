{%- set statuses = ['completed', 'cancelled', 'refunded'] -%}

select
    ride_id,
    station_id,
    rider_id,
    started_at,
    ended_at,
    distance_m,
    {{ cents_to_euros('fare_cents') }} as fare_eur,
    case status
    {%- for s in statuses %}
        when '{{ s }}' then '{{ s }}'
    {%- endfor %}
        else 'unknown'
    end as status
from {{ ref('raw_rides') }}
where started_at >= '{{ var("active_since") }}'
