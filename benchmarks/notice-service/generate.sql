-- Synthetic notice data for the benchmark, set-based (generate_series), into the schema Flyway created.
-- 7 districts, 100,000 areas, 10,000 notices over 2022, 1,000,000 designations with one target each, and an
-- exception for 5 % of those on areas that have parts.
-- Areas are shaped exactly as AreaRegistry stores them: local keys "C:<name>[/X:<section>]/B:<n>/U:<n>",
-- full_name = district + printed labels, ancestor_ids = root first, the area itself last.
-- Deterministic (setseed) so that two runs load the same data.
\set ON_ERROR_STOP 1
\timing off
set client_min_messages = warning;
select setseed(0.2022) \g /dev/null

begin;

-- Districts (depth 0, empty local key), in the order notices print them.
insert into area (id, district, local_key, parent_id, kind, name, full_name, depth, ancestor_ids)
select id, name, '', null, 'DISTRICT', name, name, 0, array[id]
from (select nextval('area_id_seq') as id, name
      from unnest(array['小店区', '迎泽区', '杏花岭区', '尖草坪区', '万柏林区', '晋源区', '清徐县']) with ordinality d(name, n)
      order by n) d;

-- Compound names: 60 prefixes x 20 suffixes, 500 distinct names per district (stride 7 over the 1,200 pairs,
-- shifted per district, so districts share some names but not all, as in the city). No suffix is "小区",
-- which the parser strips from keys, so key = printed name.
create temp table bench_compound as
select d.id as district_id, d.name as district, k,
       (array['锦绣','阳光','翠竹','晋阳','龙城','汾河','并州','紫城','长风','滨河','和平','南屯','玉门','府东','金泽',
              '惠泽','鑫美','万水','龙泉','龙隐','德恒','丽都','绿景','天朗','恒山','诚和','新城','大唐','赞城','公园',
              '西岸','蓝湾','中澳','南中环','晋祠','迎宾','双塔','桃园','柳溪','青年','学府','文兴','富士','碧水','凤凰',
              '美锦','御景','书香','康乐','泰和','盛世','华宇','星河','清华','坞城','许坦','亲贤','平阳','体育','长治']
       )[((k * 7 + d.n * 173) % 1200 / 20 + 1)::int]
       || (array['苑','花园','家园','公寓','雅居','名都','华府','嘉园','新居','佳苑','丽景','御府','公馆','华庭','尚城',
                 '湾','雅苑','景园','宿舍','广场'])[((k * 7 + d.n * 173) % 20 + 1)::int] as name
from (select id, name, row_number() over (order by id) as n from area where depth = 0) d
cross join generate_series(0, 499) k;

-- Compounds (depth 1). Ids interleave the districts, as imports of city-wide notices do.
insert into area (id, district, local_key, parent_id, kind, name, full_name, depth, ancestor_ids)
select id, district, 'C:' || name, district_id, 'COMPOUND', name, district || name, 1, array[district_id, id]
from (select nextval('area_id_seq') as id, * from bench_compound order by k, district_id) c;

-- Every tenth compound has two sections (depth 2). Keys as AreaTextParser normalises them: "一期" -> "1期".
insert into area (id, district, local_key, parent_id, kind, name, full_name, depth, ancestor_ids)
select id, district, local_key || '/X:' || key, parent_id, 'SECTION', label, full_name || label, 2, ancestor_ids || id
from (select nextval('area_id_seq') as id, p.district, p.local_key, p.id as parent_id, p.full_name, p.ancestor_ids,
             x.label, x.key
      from (select a.*, row_number() over (order by a.id) as n from area a where a.kind = 'COMPOUND') p
      cross join lateral (select * from (values (0, '东区', '东区'), (0, '西区', '西区'), (1, '一期', '1期'),
                                                (1, '二期', '2期'), (2, 'A区', 'A区'), (2, 'B区', 'B区')) v(variant, label, key)
                          where v.variant = p.n / 10 % 3) x
      where p.n % 10 = 0
      order by p.id, x.key) s;

-- Buildings "N号楼": 10 per compound without sections, 5 per section.
insert into area (id, district, local_key, parent_id, kind, name, full_name, depth, ancestor_ids)
select id, district, local_key || '/B:' || b, parent_id, 'BUILDING', b || '号楼', full_name || b || '号楼',
       depth + 1, ancestor_ids || id
from (select nextval('area_id_seq') as id, p.district, p.local_key, p.id as parent_id, p.full_name, p.depth,
             p.ancestor_ids, b
      from area p
      cross join lateral generate_series(1, case when p.kind = 'SECTION' then 5 else 10 end) b
      where p.kind = 'SECTION'
         or (p.kind = 'COMPOUND' and not exists (select 1 from area c where c.parent_id = p.id))
      order by p.id, b) s;

-- Units "N单元": 1 to 3 per building, cut so that the table holds exactly 100,000 areas
-- (third units are the ones left out, so every building keeps units 1..n).
insert into area (id, district, local_key, parent_id, kind, name, full_name, depth, ancestor_ids)
select id, district, local_key || '/U:' || n, parent_id, 'UNIT', n || '单元', full_name || n || '单元',
       depth + 1, ancestor_ids || id
from (select nextval('area_id_seq') as id, u.*
      from (select p.district, p.local_key, p.id as parent_id, p.full_name, p.depth, p.ancestor_ids, n
            from area p cross join lateral generate_series(1, 1 + (p.id * 7919)::int % 3) n
            where p.kind = 'BUILDING'
            order by n, p.id
            limit 100000 - (select count(*) from area)) u
      order by u.parent_id, u.n) s;

-- 10,000 published notices, numbers 1..10000, issued evenly over 2022 and effective the same day (即日起).
insert into notice (issuer, year, number, issue_date, effective_date, title, legal_basis, measures, source_text,
                    status, message_type, published_by, published_at)
select '市疫情防控办', 2022, n, day, day,
       '市疫情防控办发布第' || n || '号通告',
       '根据国务院联防联控机制优化疫情防控工作有关规定,结合当前疫情防控工作实际,经专家组研判',
       '高风险区足不出户、上门服务;低风险区个人防护、避免聚集',
       '## 市疫情防控办发布第' || n || '号通告:' || E'\n\n' || to_char(day, 'FMMM月FMDD日') || ',市疫情防控办发布第' || n
           || '号通告,根据国务院联防联控机制优化疫情防控工作有关规定,结合当前疫情防控工作实际,经专家组研判,'
           || '即日起调整以下区域风险等级。',
       'PUBLISHED', 'ALERT', 'benchmark', day::timestamptz
from generate_series(1, 10000) n
cross join lateral (select date '2022-01-01' + ((n - 1) * 365 / 10000) as day) d;

-- Fresh tables have no statistics; without them the joins below are planned as nested loops over "empty" tables.
analyze area;
analyze notice;

-- The designations to create: 100 per notice, each on a uniformly drawn area below district level.
-- Medium risk exists until the twenty measures of 2022-11-11 abolished it.
create temp table bench_area as
select row_number() over (order by id) as rn, id, district, full_name, kind from area where depth > 0;
create unique index on bench_area (rn);
analyze bench_area;

create temp table bench_designation as
select nextval('designation_id_seq') as id, n.id as notice_id, g.ordinal, a.id as area_id, a.district,
       substr(a.full_name, length(a.district) + 1) as item,
       case when n.issue_date < date '2022-11-11'
            then case when g.r < 0.3 then 'HIGH' when g.r < 0.5 then 'MEDIUM' else 'LOW' end
            else case when g.r < 0.4 then 'HIGH' else 'LOW' end end as level_code,
       g.r2 < 0.05 and a.kind <> 'UNIT' as with_exception
from (select (i - 1) / 100 + 1 as number, (i - 1) % 100 + 1 as ordinal,
             1 + floor(random() * (select count(*) from bench_area))::bigint as rn, random() as r, random() as r2
      from generate_series(1, 1000000) i) g
join notice n on n.issuer = '市疫情防控办' and n.year = 2022 and n.number = g.number
join bench_area a on a.rn = g.rn;

-- 5 % of the items on areas with parts are printed with an exception, as "翠竹小院(C座1单元除外)": the first part
-- of the area is excluded.
create temp table bench_exception as
select d.id as designation_id, c.id as area_id, c.name
from bench_designation d
cross join lateral (select id, name from area c where c.parent_id = d.area_id order by id limit 1) c
where d.with_exception;

insert into designation (id, notice_id, ordinal, district, item_text, level_code, action)
select d.id, d.notice_id, d.ordinal, d.district,
       d.item || coalesce('(' || e.name || '除外)', ''), d.level_code,
       case d.level_code when 'LOW' then '调整为' else '新增' end
from bench_designation d left join bench_exception e on e.designation_id = d.id
order by d.id;

insert into designation_target (designation_id, area_id, excluded)
select id, area_id, false from bench_designation
union all
select designation_id, area_id, true from bench_exception;

commit;

-- Statistics for the planner, and the visibility map for index-only scans. Autovacuum would start this on its own
-- after a million inserts, in the middle of the measurements; done here it has nothing left to do.
vacuum analyze;

-- One line for run.sh's report.
select format('%s areas, %s notices, %s designations, %s targets (%s exceptions)',
              (select count(*) from area), (select count(*) from notice), (select count(*) from designation),
              (select count(*) from designation_target), (select count(*) from designation_target where excluded));
