{{ config(materialized='table') }}

with rides as (
    select * from {{ ref('stg_rides') }}
    where status = 'completed'
)

select
    s.station_id,
    s.station_name,
    date(r.started_at) as ride_date,
    count(*) as rides,
    sum(r.distance_m) as distance_m,
    sum(r.fare_eur) as revenue_eur
from rides r
join {{ ref('stg_stations') }} s using (station_id)
group by 1, 2, 3
