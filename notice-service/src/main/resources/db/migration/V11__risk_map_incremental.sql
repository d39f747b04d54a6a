-- The maintained risk map (V9), kept incrementally (issue 17): a publication of a 75-area notice on 1,000,000
-- designations spent 0.6–2 s in risk_map_publish, almost all of it reading every designation covering every touched
-- area (through its chain of enclosing areas) to recompute each area's history from the notice's effective date on.
--
-- What a publication changes, and how each part is now kept:
--   * A notice (or the designations of a correction) only adds candidates: from its effective date on, each area of
--     the map inside one of its targets (and not excepted) has, per day, the better of its old decisive designation
--     (its stored period) and the notice's own best designation for it. So those areas are "overlaid": their stored
--     periods from that date on, plus the notice's designation, go through the same period sweep as a refresh, and no
--     other designation is read (risk_map_overlay).
--   * A correction or cancellation also ends the notice it refers to from its effective date on. Only the areas whose
--     stored periods name that notice from that date on can change beyond the overlay; they alone are recomputed from
--     the designations (risk_map_refresh, as in V9).
--   * Areas the notice brings onto the map (no other notice that is not a draft names them) have no stored history:
--     recomputed over their whole history, as in V9.
-- The three sets are disjoint, so each step moves the counts by its own difference on top of the one before.
--
-- risk_map_refresh keeps its signature and its result; its two halves (the period sweep over candidates, the
-- replacement of the stored periods with the count deltas) are now functions of their own, shared with the overlay.

-- Room on each page of risk_count, so that changing a period's number is a heap-only update (no index entry, no
-- exclusion check): a notice that brings a new area onto the map changes the counts of every day of its history,
-- thousands of periods on the benchmark's data, which cost a second as ordinary updates. The table is rewritten
-- once so that its pages have that room (it holds some thousands of rows).
alter table risk_count set (fillfactor = 30);
create temp table risk_count_copy on commit drop as select * from risk_count;
truncate risk_count;
insert into risk_count select * from risk_count_copy;
drop table risk_count_copy;

-- risk_map_overlay reads the periods of the referenced notice (a correction's or cancellation's) by notice.
create index risk_area_level_notice_idx on risk_area_level (notice_id) include (valid_to);

-- The sweep: from the candidates in pg_temp.risk_cover (area_id, district, designation_id, level_code, notice_id,
-- eff: the notice's effective date, start_day/stop_day: the days it is a candidate, [start_day, stop_day), and the
-- priority year, number, pos, ordinal), the canonical periods from from_day on (all when null) into
-- pg_temp.risk_period. Per area the level changes only where a candidate starts or stops: one segment per such
-- day, decided by the first candidate in priority order on it, then adjacent segments of one designation joined.
create function risk_map_sweep(from_day date) returns void language plpgsql as $$
begin
  create index on risk_cover (area_id, eff desc, year desc, number desc, notice_id desc, pos desc, ordinal desc);
  analyze risk_cover;
  create temp table risk_period on commit drop as
  with pts as (
    select c.area_id, greatest(c.start_day, from_day) as p from risk_cover c
    union
    select c.area_id, c.stop_day from risk_cover c where c.stop_day is not null
  ), seg as (
    select area_id, p, lead(p) over (partition by area_id order by p) as nxt from pts
  ), dec as (
    select s.area_id, s.p, s.nxt, w.district, w.designation_id, w.level_code, w.notice_id, w.eff
    from seg s cross join lateral (
      select c.district, c.designation_id, c.level_code, c.notice_id, c.eff from risk_cover c
      where c.area_id = s.area_id and c.start_day <= s.p and (c.stop_day is null or c.stop_day > s.p)
      order by c.eff desc, c.year desc, c.number desc, c.notice_id desc, c.pos desc, c.ordinal desc
      limit 1) w
  ), marked as (
    select dec.*, case when lag(designation_id) over w = designation_id and lag(nxt) over w = p then 0 else 1 end as brk
    from dec window w as (partition by area_id order by p)
  ), grouped as (
    select marked.*, sum(brk) over (partition by area_id order by p) as grp from marked
  )
  select area_id, min(district) as district, min(p) as valid_from, (array_agg(nxt order by p desc))[1] as valid_to,
         min(level_code) as level_code, min(designation_id) as designation_id, min(notice_id) as notice_id,
         min(eff) as since
  from grouped group by area_id, grp;
  analyze risk_period;
end $$;

-- The replacement: the stored periods of the areas in pg_temp.risk_ids from from_day on (all when null) become those
-- of pg_temp.risk_period (the one reaching past from_day cut there, or continued when the same designation goes
-- on), and the counts move by the difference (minus the old periods, plus the new). Periods that stay as they were
-- are neither deleted nor written again, and only the count periods where the counts change (or next to them) are
-- swept again: rewriting every period from from_day on cost seconds on the benchmark's data (the exclusion
-- constraints' index checks on each row written).
create function risk_map_apply(from_day date) returns void language plpgsql as $$
begin
  create temp table risk_delta (district text, level_code text, day date, delta int) on commit drop;
  insert into risk_delta
    select l.district, l.level_code, greatest(l.valid_from, from_day), -1
    from risk_area_level l join risk_ids i on i.area_id = l.area_id
    where from_day is null or l.valid_to is null or l.valid_to > from_day
    union all
    select l.district, l.level_code, l.valid_to, 1
    from risk_area_level l join risk_ids i on i.area_id = l.area_id
    where l.valid_to is not null and (from_day is null or l.valid_to > from_day)
    union all
    select p.district, p.level_code, p.valid_from, 1 from risk_period p
    union all
    select p.district, p.level_code, p.valid_to, -1 from risk_period p where p.valid_to is not null;

  -- the areas' periods: those that stay kept, later ones replaced, the one reaching past from_day cut there (or
  -- continued)
  with same as (
    delete from risk_period p using risk_area_level l
    where l.area_id = p.area_id and l.valid_from = p.valid_from and l.valid_to is not distinct from p.valid_to
      and l.designation_id = p.designation_id
    returning p.area_id, p.valid_from)
  delete from risk_area_level l using risk_ids i
    where l.area_id = i.area_id and (from_day is null or l.valid_from >= from_day)
      and not exists (select 1 from same s where s.area_id = l.area_id and s.valid_from = l.valid_from);
  -- the period reaching to or past from_day: continued by the new one starting then with the same designation, else
  -- cut at from_day; one update, and none when it stays as it was
  with reach as (
    select l.area_id, l.valid_from, l.valid_to, p.valid_from as continued,
           case when p.area_id is not null then p.valid_to else from_day end as new_to
    from risk_area_level l join risk_ids i on i.area_id = l.area_id
    left join risk_period p on p.area_id = l.area_id and p.valid_from = from_day and p.designation_id = l.designation_id
    where from_day is not null and l.valid_from < from_day and (l.valid_to is null or l.valid_to >= from_day)
  ), moved as (
    update risk_area_level l set valid_to = r.new_to from reach r
    where l.area_id = r.area_id and l.valid_from = r.valid_from and r.valid_to is distinct from r.new_to)
  delete from risk_period p using reach r where p.area_id = r.area_id and p.valid_from = r.continued;
  insert into risk_area_level (area_id, district, valid_from, valid_to, level_code, designation_id, notice_id, since)
    select area_id, district, valid_from, valid_to, level_code, designation_id, notice_id, since from risk_period;

  -- where the counts change: per district and level, the days on which the running sum of the deltas is not zero
  create temp table risk_change on commit drop as
  with pts as (
    select district, level_code, day, sum(delta) as delta from risk_delta where day is not null
    group by 1, 2, 3 having sum(delta) <> 0
  ), run as (
    select district, level_code, day, sum(delta) over w as d, lead(day) over w as nxt
    from pts window w as (partition by district, level_code order by day)
  )
  select district, level_code, day as start_day, nxt as stop_day from run where d <> 0;
  analyze risk_change;

  -- the count periods on those days or next to them (so that equal neighbours are joined again), swept with the
  -- deltas: where none was taken and nothing changes, the sweep counts zero and writes nothing
  create temp table risk_count_old on commit drop as
    select distinct c.district, c.level_code, c.valid_from, c.valid_to, c.areas from risk_count c
    join risk_change k on c.district = k.district and c.level_code = k.level_code
      and daterange(c.valid_from, c.valid_to) && daterange(k.start_day - 1, k.stop_day, '[]');
  analyze risk_count_old;
  insert into risk_delta
    select district, level_code, valid_from, areas from risk_count_old
    union all
    select district, level_code, valid_to, -areas from risk_count_old where valid_to is not null;
  create temp table risk_count_new on commit drop as
  with pts as (
    select district, level_code, day, sum(delta) as delta from risk_delta where day is not null group by 1, 2, 3
  ), run as (
    select district, level_code, day, sum(delta) over w as n, lead(day) over w as nxt
    from pts window w as (partition by district, level_code order by day)
  ), marked as (
    select run.*, case when lag(n) over w = n then 0 else 1 end as brk
    from run window w as (partition by district, level_code order by day)
  ), grouped as (
    select marked.*, sum(brk) over (partition by district, level_code order by day) as grp from marked
  )
  select district, level_code, min(day) as valid_from, (array_agg(nxt order by day desc))[1] as valid_to,
         min(n)::int as areas
  from grouped group by district, level_code, grp having min(n) <> 0;
  analyze risk_count_new;

  -- written as the difference: a period that keeps its days only changes its number (an update that touches no
  -- indexed column, so no index entry and no exclusion check), the others are deleted and inserted
  delete from risk_count c using risk_count_old o
    where c.district = o.district and c.level_code = o.level_code and c.valid_from = o.valid_from
      and not exists (select 1 from risk_count_new n where n.district = o.district and n.level_code = o.level_code
                      and n.valid_from = o.valid_from and n.valid_to is not distinct from o.valid_to);
  update risk_count c set areas = n.areas from risk_count_new n
    where c.district = n.district and c.level_code = n.level_code and c.valid_from = n.valid_from
      and c.valid_to is not distinct from n.valid_to and c.areas <> n.areas;
  insert into risk_count (district, level_code, valid_from, valid_to, areas)
    select n.district, n.level_code, n.valid_from, n.valid_to, n.areas from risk_count_new n
    where not exists (select 1 from risk_count_old o where o.district = n.district and o.level_code = n.level_code
                      and o.valid_from = n.valid_from and o.valid_to is not distinct from n.valid_to);
end $$;

-- A step starts afresh: the scratch tables of an earlier step of the same transaction are dropped.
create function risk_map_scratch(area_ids bigint[]) returns void language plpgsql as $$
begin
  -- checked first (rather than "if exists"), so that no notice is sent
  if to_regclass('pg_temp.risk_ids') is not null then
    drop table pg_temp.risk_ids, pg_temp.risk_cover, pg_temp.risk_period, pg_temp.risk_delta, pg_temp.risk_change,
      pg_temp.risk_count_old, pg_temp.risk_count_new;
  end if;
  create temp table risk_ids on commit drop as
    select distinct a.id as area_id, a.district, a.ancestor_ids from area a where a.id = any(area_ids);
  -- statistics of the scratch tables, so that a publication's few areas are joined through the indexes of
  -- risk_area_level (millions of rows) rather than by scanning it
  analyze risk_ids;
end $$;

-- Recomputes the periods of the given areas from from_day on (all of them when from_day is null) from the
-- designations, and moves the counts by the difference (V9's definition and result).
create or replace function risk_map_refresh(area_ids bigint[], from_day date) returns void language plpgsql as $$
begin
  perform risk_map_scratch(area_ids);
  -- every designation that may decide one of the areas from from_day on, with its priority
  create temp table risk_cover on commit drop as
    select i.area_id, i.district, d.id as designation_id, d.level_code, n.id as notice_id,
           n.effective_date as eff, n.effective_date as start_day, n.superseded_on as stop_day, n.year, n.number,
           array_position(i.ancestor_ids, t.area_id) as pos, d.ordinal
    from risk_ids i
    join designation_target t on t.area_id = any(i.ancestor_ids) and not t.excluded
    join designation d on d.id = t.designation_id
    join notice n on n.id = d.notice_id
    where n.status <> 'DRAFT'
      and (n.superseded_on is null or n.superseded_on > n.effective_date)
      and (from_day is null or n.superseded_on is null or n.superseded_on > from_day)
      and not exists (select 1 from designation_target x where x.designation_id = t.designation_id
                      and x.excluded and x.area_id = any(i.ancestor_ids));
  perform risk_map_sweep(from_day);
  perform risk_map_apply(from_day);
end $$;

-- The notice's designations laid over the stored periods of the given areas of the map, from from_day (its
-- effective date) on: per area the notice's best designation for it (the most specific area, then the last item;
-- none when each of its designations excepts the area) is a candidate while the notice is in force, beside the
-- stored periods, each a candidate on its own days with its notice's priority. The areas' other designations are
-- not read: a stored period already is the best of them on its days.
create function risk_map_overlay(published_id bigint, area_ids bigint[], from_day date) returns void language plpgsql as $$
begin
  perform risk_map_scratch(area_ids);
  create temp table risk_cover on commit drop as
    -- the notice's targets and exceptions, read once
    with nt as materialized (
      select d.id as designation_id, d.level_code, d.ordinal, t.area_id, n.id as notice_id, n.effective_date as eff,
             n.superseded_on as stop_day, n.year, n.number
      from designation d join designation_target t on t.designation_id = d.id and not t.excluded
      join notice n on n.id = d.notice_id
      where d.notice_id = published_id and n.status <> 'DRAFT'
        and (n.superseded_on is null or n.superseded_on > n.effective_date)
    ), nx as materialized (
      select t.designation_id, t.area_id from designation d
      join designation_target t on t.designation_id = d.id and t.excluded
      where d.notice_id = published_id
    )
    select l.area_id, l.district, l.designation_id, l.level_code, l.notice_id, l.since as eff,
           l.valid_from as start_day, l.valid_to as stop_day, n.year, n.number, 0 as pos, 0 as ordinal
    from risk_ids i join risk_area_level l on l.area_id = i.area_id join notice n on n.id = l.notice_id
    where l.valid_to is null or l.valid_to > from_day
    union all
    select i.area_id, i.district, w.designation_id, w.level_code, w.notice_id, w.eff, w.eff, w.stop_day,
           w.year, w.number, w.pos, w.ordinal
    from risk_ids i cross join lateral (
      select nt.*, array_position(i.ancestor_ids, nt.area_id) as pos from nt
      where nt.area_id = any(i.ancestor_ids)
        and not exists (select 1 from nx where nx.designation_id = nt.designation_id and nx.area_id = any(i.ancestor_ids))
      order by array_position(i.ancestor_ids, nt.area_id) desc, nt.ordinal desc limit 1) w;
  perform risk_map_sweep(from_day);
  perform risk_map_apply(from_day);
end $$;

-- What a publication changes (see the top of this file). Call after the statuses are written, under
-- AreaEventLog.LOCK, once per publication.
create or replace function risk_map_publish(published_id bigint) returns void language plpgsql as $$
declare
  day date;
  ended bigint;
  named bigint[];
  added bigint[];
  redo bigint[];
  laid bigint[];
begin
  select n.effective_date, case when n.message_type <> 'ALERT' then n.references_id end
    into day, ended from notice n where n.id = published_id;
  -- areas whose stored periods the ended notice decides from day on: its end may hand them to any other designation
  redo := array(select distinct l.area_id from risk_area_level l
                where ended is not null and l.notice_id = ended and (l.valid_to is null or l.valid_to > day));
  named := array(select distinct t.area_id from designation d
                 join designation_target t on t.designation_id = d.id and not t.excluded
                 where d.notice_id = published_id);
  -- areas the notice brings onto the map: no other notice that is not a draft names them
  added := array(
    select t.area_id from unnest(named) t(area_id)
    where not exists (select 1 from designation_target o join designation od on od.id = o.designation_id
                      join notice n on n.id = od.notice_id
                      where o.area_id = t.area_id and not o.excluded and n.status <> 'DRAFT' and n.id <> published_id));
  -- the other areas of the map inside the areas the notice names
  laid := array(
    select a.id from area a where a.ancestor_ids && named and a.id <> all(added) and a.id <> all(redo)
      and (exists (select 1 from risk_area_level l where l.area_id = a.id)
           or exists (select 1 from designation_target t join designation d on d.id = t.designation_id
                      join notice n on n.id = d.notice_id
                      where t.area_id = a.id and not t.excluded and n.status <> 'DRAFT')));
  if cardinality(redo) > 0 then
    perform risk_map_refresh(redo, day);
  end if;
  if cardinality(laid) > 0 then
    perform risk_map_overlay(published_id, laid, day);
  end if;
  if cardinality(added) > 0 then
    perform risk_map_refresh(added, null);
  end if;
end $$;
