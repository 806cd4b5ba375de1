select
    station_id,
    trim(station_name) as station_name,
    city,
    date(opened_on) as opened_on
from {{ ref('raw_stations') }}
