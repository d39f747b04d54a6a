-- The area tree on the benchmark's roster (issue 12): 10^5 notice areas linked. Every grid of generate.sql is linked
-- to a compound, 66 buildings per grid (99,000 BUILDING units) each to a building of its compound; the two
-- checkpoints of each community to its first grid's compound, one open task per 10 buildings.
\timing off
begin;

create temporary table bench_grid as
select g.id, g.parent_id as community_id, g.path_ids, row_number() over (order by g.id) as n
from org_unit g where g.kind = 'GRID' and g.name like '基准街道%';

update org_unit o set area_id = 'c' || bg.n from bench_grid bg where o.id = bg.id;

insert into org_unit (kind, name, parent_id, path_ids, area_id)
select 'BUILDING', '楼' || b, bg.id, bg.path_ids, 'c' || bg.n || '/b' || b
from bench_grid bg, generate_series(1, 66) b;
update org_unit set path_ids = path_ids || id where kind = 'BUILDING' and area_id like 'c%/b%';

update duty_post p set area_id = 'c' || (select min(bg.n) from bench_grid bg where bg.community_id = p.community_id)
where p.kind = 'CHECKPOINT';

insert into task (kind, org_unit_id, household, area_id)
select 'DOOR_TO_DOOR_TESTING', o.id, '全楼', o.area_id from org_unit o
where o.kind = 'BUILDING' and o.area_id like 'c%/b%0';

commit;
analyze;

select 'linked areas', count(*) from org_unit where area_id is not null;
