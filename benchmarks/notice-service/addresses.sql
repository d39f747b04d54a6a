-- Addresses for the riskLevel load, one per line: 80 % name a generated area (written the ways people write them),
-- 10 % name a building that does not exist in a known compound, 10 % a compound that does not exist at all.
\set ON_ERROR_STOP 1
select setseed(0.7) \g /dev/null

with hit as (
  select a.full_name, a.district, c.name as compound, random() as r
  from area a
  join area c on c.id = a.ancestor_ids[2]
  where a.depth > 0
  order by random()
  limit 4000
)
select case
         when r < 0.4 then full_name                                               -- 小店区长风华庭3号楼2单元
         when r < 0.6 then '太原市' || full_name                                    -- with the city
         when r < 0.75 then substr(full_name, length(district) + 1)                -- without the district
         when r < 0.9 then replace(full_name, compound, compound || '小区')         -- 长风华庭小区3号楼
         else replace(full_name, '号楼', '栋')                                      -- 3栋 = 3号楼
       end
from hit
union all
-- Known compound, unknown building: only the compound matches.
select full_name || '99号楼'
from (select full_name from area where kind = 'COMPOUND' order by random() limit 500) c
union all
-- Unknown compound: nothing matches.
select d || p || s || b || '号楼'
from (select (array['小店区','迎泽区','杏花岭区','尖草坪区','万柏林区','晋源区','清徐县'])[1 + floor(random() * 7)::int] as d,
             (array['海棠','紫荆','银河','春晖','金地','融创','中海','龙湖'])[1 + floor(random() * 8)::int] as p,
             (array['苑','花园','家园','名都','华府'])[1 + floor(random() * 5)::int] as s,
             1 + floor(random() * 20)::int as b
      from generate_series(1, 500)) m;
