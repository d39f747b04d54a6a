-- Households benchmark data: a street (基准街道) of 10 communities, 100 grids, 1,000 buildings and 30,000 households
-- (3 units x 10 doors per building, 1-5 people each), with three testing rounds per community: rounds 1 and 2 done,
-- round 3 (today) 90 % recorded (85 % tested, 3 % not at home without a reason, 2 % refused with one), 10 % not yet;
-- and a compound (基准小区, its own street and community, one grid of 10 buildings) of 300 households of 3 people
-- (900 people) with fresh rounds for the recorders to write. Set-based, inside one transaction.
\timing off
begin;

insert into org_unit (kind, name) values ('DISTRICT', '基准区');
update org_unit set path_ids = array[id] where kind = 'DISTRICT';

insert into org_unit (kind, name, parent_id) select 'STREET', s, d.id from org_unit d, unnest(array['基准街道', '基准小区街道']) s
where d.kind = 'DISTRICT';
update org_unit o set path_ids = p.path_ids || o.id from org_unit p where o.parent_id = p.id and o.kind = 'STREET';

insert into org_unit (kind, name, parent_id)
select 'COMMUNITY', '基准街道第' || c || '社区', st.id from org_unit st, generate_series(1, 10) c where st.name = '基准街道'
union all
select 'COMMUNITY', '基准小区社区', st.id from org_unit st where st.name = '基准小区街道';
update org_unit o set path_ids = p.path_ids || o.id from org_unit p where o.parent_id = p.id and o.kind = 'COMMUNITY';

insert into org_unit (kind, name, parent_id)
select 'GRID', c.name || '第' || g || '网格', c.id from org_unit c, generate_series(1, 10) g
where c.kind = 'COMMUNITY' and c.name like '基准街道%'
union all
select 'GRID', '基准小区网格', c.id from org_unit c where c.name = '基准小区社区';
update org_unit o set path_ids = p.path_ids || o.id from org_unit p where o.parent_id = p.id and o.kind = 'GRID';

insert into org_unit (kind, name, parent_id)
select 'BUILDING', g.name || b || '号楼', g.id from org_unit g, generate_series(1, 10) b where g.kind = 'GRID';
update org_unit o set path_ids = p.path_ids || o.id from org_unit p where o.parent_id = p.id and o.kind = 'BUILDING';

-- 30 doors per building: units 1-3, floors 1-5, doors 1-2 (1单元 101 ... 3单元 502)
insert into household (community_id, building_id, unit_label, room, head_count, contact_name, contact_phone, needs)
select b.path_ids[3], b.id, u || '单元', f || '0' || d,
       case when c.name = '基准小区社区' then 3 else 1 + (b.id + u * 10 + f * 2 + d) % 5 end,
       '住户' || b.id || '-' || u || f || d, '139' || lpad((b.id * 30 + u * 10 + f * 2 + d)::text, 8, '0'),
       case when (b.id + f) % 23 = 0 then array['ELDERLY_ALONE'] else '{}' end
from org_unit b join org_unit c on c.id = b.path_ids[3], generate_series(1, 3) u, generate_series(1, 5) f,
     generate_series(1, 2) d
where b.kind = 'BUILDING';

-- rounds 1-3 of every community of the street: 1 and 2 done, 3 today
insert into testing_round (community_id, unit_id, round, rounds, on_date, status)
select c.id, c.id, r, 3, (now() at time zone 'Asia/Shanghai')::date - (3 - r), case when r < 3 then 'DONE' else 'SCHEDULED' end
from org_unit c, generate_series(1, 3) r where c.kind = 'COMMUNITY' and c.name like '基准街道%';

insert into household_test (round_id, household_id, status, tested_count, reason, recorded_by, recorded_subject, recorded_at)
select r.id, h.id, s.status, case when s.status = 'TESTED' then h.head_count end,
       case when s.status = 'REFUSED' then '已在单位检测' end, 'benchmark', 'benchmark',
       r.on_date + time '09:00' + (h.id % 600) * interval '1 minute'
from testing_round r join household h on h.community_id = r.community_id,
     lateral (select case when r.round < 3 then 'TESTED'
                          when h.id % 100 < 85 then 'TESTED'
                          when h.id % 100 < 88 then 'NOT_AT_HOME'
                          when h.id % 100 < 90 then 'REFUSED' end as status) s
where s.status is not null;

-- the compound's rounds, one per measured pass of the recorders (and one to warm up)
insert into testing_round (community_id, unit_id, round, rounds, on_date)
select c.id, g.id, 1, 1, (now() at time zone 'Asia/Shanghai')::date
from org_unit c join org_unit g on g.parent_id = c.id, generate_series(0, :passes) p where c.name = '基准小区社区';

commit;
analyze;

select 'households ' || count(*) || ', people ' || sum(head_count) from household;
select 'household statuses ' || count(*) from household_test;
