-- The maintenance of the risk map for a 75-area notice as notices.sql draws them (68 known areas below district
-- level, every tenth with an exception of its first part; 7 buildings that do not exist yet, in the compounds of
-- known items), timed in a transaction that is rolled back. Written as a draft and published as NoticeLifecycle does
-- (the feed's advisory lock first, the status, then risk_map_publish); the area events are left out.
-- Variables: :day (effective date), :seed (which areas). Prints "wall ms|CPU ms of the
-- backend|areas of the map the notice touches".
\set ON_ERROR_STOP 1
begin;
select pg_advisory_xact_lock(7021786237475647092) \g /dev/null
select setseed(:seed) \g /dev/null
insert into notice (issuer, year, number, issue_date, effective_date, status, message_type)
  values ('市疫情防控办', 2022, 900001, :'day', :'day', 'DRAFT', 'ALERT') returning id as notice_id \gset
create temp table bench_pick on commit drop as
  select row_number() over () as k, a.* from (select * from area where depth > 0 order by random() limit 68) a;
-- 7 new buildings in the compounds of the first 7 picks
insert into area (district, local_key, parent_id, kind, name, full_name, depth, ancestor_ids)
  select c.district, c.local_key || '/B:' || (900 + p.k), c.id, 'BUILDING', (900 + p.k) || '号楼',
         c.full_name || (900 + p.k) || '号楼', c.depth + 1, c.ancestor_ids
  from bench_pick p join area c on c.id = p.ancestor_ids[2] where p.k <= 7;
update area set ancestor_ids = ancestor_ids || id where local_key like '%/B:90_' and not (id = any(ancestor_ids));
insert into designation (notice_id, ordinal, district, item_text, level_code)
  select :notice_id, k, district, full_name, case when k <= 25 then 'HIGH' else 'LOW' end from bench_pick
  union all
  select :notice_id, 68 + row_number() over (order by id), district, full_name, 'HIGH'
  from area where local_key like '%/B:90_';
insert into designation_target (designation_id, area_id, excluded)
  select d.id, p.id, false from designation d join bench_pick p on p.k = d.ordinal where d.notice_id = :notice_id
  union all
  select d.id, a.id, false from designation d join area a on a.full_name = d.item_text and a.local_key like '%/B:90_'
  where d.notice_id = :notice_id and d.ordinal > 68
  union all
  select d.id, x.id, true from designation d join bench_pick p on p.k = d.ordinal
  cross join lateral (select c.id from area c where c.parent_id = p.id order by c.id limit 1) x
  where d.notice_id = :notice_id and p.k % 10 = 0;
update notice set status = 'PUBLISHED', published_at = now() where id = :notice_id;
\ir publish-timed.sql
select :ms || '|' || :cpu || '|'
       || (select count(*) from area a where a.ancestor_ids && (select array_agg(t.area_id) from designation_target t
            join designation d on d.id = t.designation_id where d.notice_id = :notice_id and not t.excluded)
           and exists (select 1 from risk_area_level l where l.area_id = a.id));
rollback;
