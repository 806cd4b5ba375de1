-- A ride never costs less than nothing.
select ride_id, fare_eur
from {{ ref('stg_rides') }}
where fare_eur < 0
