select s.city, sum(d.revenue_eur) as revenue_eur
from {{ ref('station_daily') }} d
join {{ ref('stg_stations') }} s using (station_id)
group by s.city
