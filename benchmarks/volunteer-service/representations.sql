-- 20,000 representations of building units as the gateway sends them to _entities, one JSON object a line: the unit
-- itself is linked to nothing, its building and compound are (areas.sql). The path is what notice-service would
-- give: city, district, street, community, compound, building, unit.
select json_build_object('__typename', 'Area', 'id', x.unit, 'pathIds', json_build_array('太原市',
         'd' || g.path_ids[1], 's' || g.path_ids[2], 'k' || g.path_ids[3], g.area_id, g.area_id || '/b' || r.b,
         x.unit))::text
from (select (random() * 1499)::int as k, (random() * 65)::int + 1 as b, i from generate_series(1, 20000) i) r
join (select o.*, row_number() over (order by o.id) - 1 as k from org_unit o
      where o.kind = 'GRID' and o.area_id like 'c%') g on g.k = r.k
cross join lateral (select g.area_id || '/b' || r.b || '/u' || (r.i % 6 + 1) as unit) x;
