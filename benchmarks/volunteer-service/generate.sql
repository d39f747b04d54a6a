-- A city-sized roster: 1 district, 15 streets, 150 communities, 1,500 grids, 3,000 posts, 50,000 volunteers and
-- 14 days of 2 x 12 h shifts from tomorrow 08:00 (city time), about 70 % of the places of ordinary posts filled.
-- Set-based, inside one transaction; the service's own rules are respected by construction (see assignments).
\timing off
begin;

insert into org_unit (kind, name) values ('DISTRICT', '基准区');
update org_unit set path_ids = array[id] where kind = 'DISTRICT' and name = '基准区';

insert into org_unit (kind, name, parent_id)
select 'STREET', '基准街道' || s, d.id from org_unit d, generate_series(1, 15) s
where d.kind = 'DISTRICT' and d.name = '基准区';
update org_unit o set path_ids = p.path_ids || o.id from org_unit p
where o.parent_id = p.id and o.kind = 'STREET' and p.name = '基准区';

insert into org_unit (kind, name, parent_id)
select 'COMMUNITY', st.name || '第' || c || '社区', st.id from org_unit st, generate_series(1, 10) c
where st.kind = 'STREET' and st.name like '基准街道%';
update org_unit o set path_ids = p.path_ids || o.id from org_unit p
where o.parent_id = p.id and o.kind = 'COMMUNITY' and p.name like '基准街道%';

insert into org_unit (kind, name, parent_id)
select 'GRID', c.name || '第' || g || '网格', c.id from org_unit c, generate_series(1, 10) g
where c.kind = 'COMMUNITY' and c.name like '基准街道%';
update org_unit o set path_ids = p.path_ids || o.id from org_unit p
where o.parent_id = p.id and o.kind = 'GRID' and p.name like '基准街道%';

create temporary table bench_community as
select row_number() over (order by id) - 1 as n, id from org_unit where kind = 'COMMUNITY' and name like '基准街道%';

-- 50,000 volunteers over the 150 communities, kinds in rotation.
insert into volunteer (name, community_id, kinds)
select '志愿者' || i, c.id,
       array[(array['PARTY_MEMBER', 'IN_SERVICE_PARTY_MEMBER', 'VETERAN', 'YOUTH_LEAGUE_MEMBER', 'WOMENS_TEAM',
                    'RESIDENT_REPRESENTATIVE', 'RESIDENT'])[1 + i % 7]]
from generate_series(0, 49999) i join bench_community c on c.n = i % 150;

-- 20 posts per community: 2 checkpoints around the clock, the six vanguard posts, 12 other posts.
insert into duty_post (community_id, name, kind, required_headcount, allowed_kinds, around_the_clock)
select c.id, '岗' || p,
       case when p <= 2 then 'CHECKPOINT' when p <= 8 then 'PARTY_MEMBER_VANGUARD' else 'PATROL' end,
       case when p between 3 and 8 then 1 else 2 end,
       case when p between 3 and 8 then array['PARTY_MEMBER'] else '{}' end,
       p <= 2
from bench_community c, generate_series(1, 20) p;

-- 14 days x 2 shifts for every post: 84,000 shifts.
insert into shift (post_id, during, required_headcount)
select p.id,
       tstzrange(t, t + interval '12 hours'),
       p.required_headcount
from duty_post p join bench_community c on c.id = p.community_id,
     generate_series(((now() at time zone 'Asia/Shanghai')::date + 1 + time '08:00') at time zone 'Asia/Shanghai',
                     ((now() at time zone 'Asia/Shanghai')::date + 14 + time '20:00') at time zone 'Asia/Shanghai',
                     interval '12 hours') t;

-- Places of ordinary posts filled for ~70 %: shift k (in time order) place j goes to volunteer (2k + j) mod 50,000,
-- so one person's shifts are 25,000 shifts (about 100 h) apart: no overlap, rest and 24 h limits hold.
create temporary table bench_volunteer as
select row_number() over (order by id) - 1 as n, id from volunteer where name like '志愿者%';
insert into assignment (shift_id, volunteer_id, during, source)
select s.id, v.id, s.during, 'ASSIGNED'
from (select s.*, row_number() over (order by lower(s.during), s.post_id) - 1 as k
      from shift s join duty_post p on p.id = s.post_id where p.allowed_kinds = '{}') s
cross join generate_series(0, 1) j
join bench_volunteer v on v.n = (2 * s.k + j) % 50000
where (s.k * 7 + j) % 10 >= 3;

-- People who sign up during the load test: fresh, with nothing booked yet.
insert into volunteer (name, community_id, kinds)
select '报名者' || i, c.id, array['RESIDENT'] from generate_series(0, 19999) i join bench_community c on c.n = i % 150;

commit;
analyze;

select 'units', count(*) from org_unit where path_ids[1] = (select id from org_unit where name = '基准区')
union all select 'posts', count(*) from duty_post
union all select 'volunteers', count(*) from volunteer
union all select 'shifts', count(*) from shift
union all select 'assignments', count(*) from assignment;
