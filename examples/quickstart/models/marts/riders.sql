{{ config(materialized='table', tags=['finance']) }}

select
    rider_id,
    count(*) as rides,
    min(started_at) as first_ride_at,
    max(started_at) as last_ride_at,
    sum(case when status = 'completed' then fare_eur else 0 end) as spend_eur
from {{ ref('stg_rides') }}
group by rider_id
