-- The maintained risk map (V9, V11), kept by a publication without scratch tables (issue 17). V11's publication
-- spent 140–300 ms of PostgreSQL CPU on a 75-area notice of the benchmark's data; of that, a fixed share went to
-- creating, indexing, analysing and dropping seven temporary tables per step (catalog rows written and removed, and
-- every statement on them planned anew, since each is a new relation), three steps per publication.
--
-- Same rules and same result as V11 (risk_map_publish's three disjoint sets of areas: the areas whose periods the
-- corrected or cancelled notice decided, recomputed from the designations from the notice's effective date on; the
-- other areas of the map inside the notice's targets, with the notice laid over their stored periods; the areas the
-- notice brings onto the map, recomputed over their whole history), but in one pass over the three sets:
--   * the intermediate sets are arrays of composite values in PL/pgSQL variables, read with unnest, instead of
--     temporary tables: nothing is written to the catalog, and the function's statements are static SQL whose
--     plans the session keeps (PL/pgSQL prepares them once per connection);
--   * the period sweep picks the decisive candidate per segment with DISTINCT ON over a join on the area, which
--     needs no index on a scratch table and no statistics;
--   * the count changes of the three sets are summed before the counts are written, so each count period is
--     written at most once per publication (V11 wrote them once per step).
-- risk_map_refresh, risk_map_overlay and risk_map_rebuild stay as V11 left them: the rebuild (the tests' oracle of
-- what publications maintain) recomputes the whole map, where the scratch tables and their statistics pay.

-- Two foreign-key checks per written period instead of four: the designation with its notice and level in one key
-- (stronger than the three single-column keys it replaces: the period's notice and level are its designation's),
-- and the area with its district (the period's district is its area's). A 75-area publication writes some hundreds
-- of periods; each check is a look-up of its own.
create unique index designation_id_notice_level_key on designation (id, notice_id, level_code);
create unique index area_id_district_key on area (id, district);
alter table risk_area_level
  drop constraint risk_area_level_designation_id_fkey,
  drop constraint risk_area_level_notice_id_fkey,
  drop constraint risk_area_level_level_code_fkey,
  drop constraint risk_area_level_area_id_fkey,
  add constraint risk_area_level_designation_fkey foreign key (designation_id, notice_id, level_code)
    references designation (id, notice_id, level_code),
  add constraint risk_area_level_area_fkey foreign key (area_id, district) references area (id, district);

-- A period of one area's level (risk_area_level's columns).
create type risk_map_period as (
  area_id bigint, district text, valid_from date, valid_to date, level_code text, designation_id bigint,
  notice_id bigint, since date);
-- A change of a district's number of areas at a level from a day on.
create type risk_map_delta as (district text, level_code text, day date, delta int);
-- A count period (risk_count's columns).
create type risk_map_count as (district text, level_code text, valid_from date, valid_to date, areas int);

-- Recomputes the periods of the areas in redo and laid from day on and of those in whole over their whole history,
-- and moves the counts by the difference: the areas in laid have the notice published_id laid over their stored
-- periods (V11's risk_map_overlay), the others are recomputed from every designation covering them (V11's
-- risk_map_refresh). The sets are disjoint. (Sets are joined through unnest, not tested with = any(array): a
-- district's publication has thousands of areas.)
create function risk_map_change(published_id bigint, day date, redo bigint[], laid bigint[], whole bigint[])
  returns void language plpgsql as $$
declare
  fresh risk_map_period[];
  deltas risk_map_delta[];
  old_counts risk_map_count[];
  new_counts risk_map_count[];
begin
  -- the new periods from each area's first day on (day, or its whole history)
  fresh := array(
    with ids as (
      select a.id as area_id, a.district, a.ancestor_ids, f.from_day, f.laid
      from (select u.area_id, day as from_day, false as laid from unnest(redo) u(area_id)
            union all select u.area_id, day, true from unnest(laid) u(area_id)
            union all select u.area_id, null::date, false from unnest(whole) u(area_id)) f
      -- (here and below, a lateral subquery with "offset 0" keeps a look-up per row through the key: every read
      -- here is of the given areas' rows, but unnest's row estimates are guesses, on which the planner hashed or
      -- merged all of risk_area_level (2.5 million periods) for a district's 14,000 areas, seconds each time)
      cross join lateral (select a.* from area a where a.id = f.area_id offset 0) a
    ), nt as materialized (
      -- the published notice's targets and exceptions, read once
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
    ), cover as materialized (
      -- recomputed areas: every designation that may decide them from their first day on, with its priority
      select i.area_id, i.district, i.from_day, c.*
      from ids i cross join lateral (
        select d.id as designation_id, d.level_code, n.id as notice_id, n.effective_date as eff,
               n.effective_date as start_day, n.superseded_on as stop_day, n.year, n.number,
               array_position(i.ancestor_ids, t.area_id) as pos, d.ordinal
        from designation_target t
        join designation d on d.id = t.designation_id
        join notice n on n.id = d.notice_id
        where t.area_id = any(i.ancestor_ids) and not t.excluded and n.status <> 'DRAFT'
          and (n.superseded_on is null or n.superseded_on > n.effective_date)
          and (i.from_day is null or n.superseded_on is null or n.superseded_on > i.from_day)
          and not exists (select 1 from designation_target x where x.designation_id = t.designation_id
                          and x.excluded and x.area_id = any(i.ancestor_ids) offset 0)
        offset 0) c
      where not i.laid
      union all
      -- laid areas: their stored periods from day on, each a candidate on its own days with its notice's priority
      -- (a stored period already is the best of the area's other designations on its days) ...
      select i.area_id, i.district, i.from_day, l.designation_id, l.level_code, l.notice_id, l.since,
             l.valid_from, l.valid_to, n.year, n.number, 0, 0
      from ids i join risk_area_level l on l.area_id = i.area_id join notice n on n.id = l.notice_id
      where i.laid and (l.valid_to is null or l.valid_to > i.from_day)
      union all
      -- ... and the notice's best designation for the area (the most specific area, then the last item; none when
      -- each of its designations excepts the area) while the notice is in force
      select i.area_id, i.district, i.from_day, w.designation_id, w.level_code, w.notice_id, w.eff, w.eff,
             w.stop_day, w.year, w.number, w.pos, w.ordinal
      from ids i cross join lateral (
        select nt.*, array_position(i.ancestor_ids, nt.area_id) as pos from nt
        where nt.area_id = any(i.ancestor_ids)
          and not exists (select 1 from nx where nx.designation_id = nt.designation_id
                          and nx.area_id = any(i.ancestor_ids))
        order by array_position(i.ancestor_ids, nt.area_id) desc, nt.ordinal desc limit 1) w
      where i.laid
    ), pts as (
      -- the level changes only where a candidate starts or stops (greatest ignores a null from_day)
      select area_id, greatest(start_day, from_day) as p from cover
      union
      select area_id, stop_day from cover where stop_day is not null
    ), seg as (
      select area_id, p, lead(p) over (partition by area_id order by p) as nxt from pts
    ), dec as (
      -- per segment the first candidate in priority order in force on it
      select distinct on (s.area_id, s.p) s.area_id, s.p, s.nxt, c.district, c.designation_id, c.level_code,
             c.notice_id, c.eff
      from seg s join cover c on c.area_id = s.area_id and c.start_day <= s.p
        and (c.stop_day is null or c.stop_day > s.p)
      order by s.area_id, s.p, c.eff desc, c.year desc, c.number desc, c.notice_id desc, c.pos desc, c.ordinal desc
    ), marked as (
      select dec.*, case when lag(designation_id) over w = designation_id and lag(nxt) over w = p then 0 else 1 end
             as brk
      from dec window w as (partition by area_id order by p)
    ), grouped as (
      select marked.*, sum(brk) over (partition by area_id order by p) as grp from marked
    )
    -- adjacent segments of one designation joined
    select row(area_id, min(district), min(p), (array_agg(nxt order by p desc))[1], min(level_code),
               min(designation_id), min(notice_id), min(eff))::risk_map_period
    from grouped group by area_id, grp);

  -- the counts move by: minus the stored periods from each area's first day on, plus the new ones; summed per day,
  -- days where nothing moves left out
  deltas := array(
    with ids as (
      select u.area_id, day as from_day from unnest(redo || laid) u(area_id)
      union all select u.area_id, null::date from unnest(whole) u(area_id)
    ), old as (
      select l.*, i.from_day from ids i cross join lateral (
        select l.district, l.level_code, l.valid_from, l.valid_to from risk_area_level l
        where l.area_id = i.area_id and (i.from_day is null or l.valid_to is null or l.valid_to > i.from_day)
        offset 0) l
    ), moves as (
      select l.district, l.level_code, greatest(l.valid_from, l.from_day) as day, -1 as delta from old l
      union all
      select l.district, l.level_code, l.valid_to, 1 from old l where l.valid_to is not null
      union all
      select f.district, f.level_code, f.valid_from, 1 from unnest(fresh) f
      union all
      select f.district, f.level_code, f.valid_to, -1 from unnest(fresh) f where f.valid_to is not null
    )
    select row(district, level_code, m.day, sum(delta))::risk_map_delta from moves m where m.day is not null
    group by district, level_code, m.day having sum(delta) <> 0);

  -- the areas' periods: those that stay kept, later ones replaced, the one reaching to or past day continued by
  -- the new one starting then with the same designation, else cut at day
  with ids as (
    select u.area_id, day as from_day from unnest(redo || laid) u(area_id)
    union all select u.area_id, null::date from unnest(whole) u(area_id)
  )
  -- (a set difference, not a test per row: a district's publication has thousands of periods on each side;
  -- deleted by row address, so that the delete reads nothing else)
  delete from risk_area_level where ctid = any(array(
    select l.ctid from ids i cross join lateral (
      select l.ctid from risk_area_level l
      where l.area_id = i.area_id and (i.from_day is null or l.valid_from >= i.from_day) offset 0) l
    except
    select l.ctid from unnest(fresh) f cross join lateral (
      select l.ctid from risk_area_level l where l.area_id = f.area_id and l.valid_from = f.valid_from
        and l.valid_to is not distinct from f.valid_to and l.designation_id = f.designation_id offset 0) l));
  with reach as (
    select l.ctid, l.valid_to, case when f.area_id is not null then f.valid_to else day end as new_to
    from unnest(redo || laid) u(area_id) cross join lateral (
      select l.ctid, l.area_id, l.valid_to, l.designation_id from risk_area_level l
      where l.area_id = u.area_id and l.valid_from < day and (l.valid_to is null or l.valid_to >= day) offset 0) l
    left join unnest(fresh) f on f.area_id = l.area_id and f.valid_from = day and f.designation_id = l.designation_id
  )
  update risk_area_level l set valid_to = r.new_to from reach r
    where l.ctid = r.ctid and r.valid_to is distinct from r.new_to;
  -- the new periods not stored yet: a kept one, or the one a continued period now covers, is the stored period
  -- of its area that starts last on or before its first day, with its designation (new periods do not overlap)
  insert into risk_area_level (area_id, district, valid_from, valid_to, level_code, designation_id, notice_id, since)
    select f.area_id, f.district, f.valid_from, f.valid_to, f.level_code, f.designation_id, f.notice_id, f.since
    from unnest(fresh) f
    where not exists (
      select 1 from (select l.valid_to, l.designation_id from risk_area_level l
                     where l.area_id = f.area_id and l.valid_from <= f.valid_from
                     order by l.valid_from desc limit 1) l
      where l.designation_id = f.designation_id and (l.valid_to is null or l.valid_to > f.valid_from));

  if cardinality(deltas) = 0 then
    return;
  end if;
  -- the count periods on the days where the counts change, or next to them (so that equal neighbours are joined
  -- again)
  old_counts := array(
    with run as (
      select d.district, d.level_code, d.day, sum(d.delta) over w as s, lead(d.day) over w as nxt
      from unnest(deltas) d window w as (partition by d.district, d.level_code order by d.day)
    )
    select distinct row(c.district, c.level_code, c.valid_from, c.valid_to, c.areas)::risk_map_count
    from run k cross join lateral (
      -- the periods overlapping [day - 1, nxt], through the primary key (a search of the exclusion constraint's
      -- GiST index cost 0.3 ms a range): those starting inside, and the last one starting before if it reaches in
      -- (count periods do not overlap)
      select c.* from risk_count c where c.district = k.district and c.level_code = k.level_code
        and c.valid_from > k.day - 1 and (k.nxt is null or c.valid_from <= k.nxt)
      union all
      select b.* from (select c.* from risk_count c where c.district = k.district and c.level_code = k.level_code
                         and c.valid_from <= k.day - 1 order by c.valid_from desc limit 1) b
      where b.valid_to is null or b.valid_to > k.day - 1) c
    where k.s <> 0);
  -- swept with the deltas: where nothing changes, the sweep gives the old periods back
  new_counts := array(
    with moves as (
      select d.district, d.level_code, d.day, d.delta from unnest(deltas) d
      union all
      select o.district, o.level_code, o.valid_from, o.areas from unnest(old_counts) o
      union all
      select o.district, o.level_code, o.valid_to, -o.areas from unnest(old_counts) o where o.valid_to is not null
    ), pts as (
      select district, level_code, m.day, sum(delta) as delta from moves m group by 1, 2, 3
    ), run as (
      select district, level_code, pts.day, sum(delta) over w as n, lead(pts.day) over w as nxt
      from pts window w as (partition by district, level_code order by pts.day)
    ), marked as (
      select run.*, case when lag(n) over w = n then 0 else 1 end as brk
      from run window w as (partition by district, level_code order by run.day)
    ), grouped as (
      select marked.*, sum(brk) over (partition by district, level_code order by marked.day) as grp from marked
    )
    select row(district, level_code, min(g.day), (array_agg(nxt order by g.day desc))[1], min(n)::int)::risk_map_count
    from grouped g group by district, level_code, grp having min(n) <> 0);

  -- written as the difference: a period that keeps its days only changes its number (a heap-only update, V11),
  -- the others are deleted and inserted
  delete from risk_count c using (
      select o.district, o.level_code, o.valid_from, o.valid_to from unnest(old_counts) o
      except select n.district, n.level_code, n.valid_from, n.valid_to from unnest(new_counts) n) o
    where c.district = o.district and c.level_code = o.level_code and c.valid_from = o.valid_from;
  update risk_count c set areas = n.areas from unnest(new_counts) n
    where c.district = n.district and c.level_code = n.level_code and c.valid_from = n.valid_from
      and c.valid_to is not distinct from n.valid_to and c.areas <> n.areas;
  insert into risk_count (district, level_code, valid_from, valid_to, areas)
    select n.district, n.level_code, n.valid_from, n.valid_to, n.areas from unnest(new_counts) n
    join (select n.district, n.level_code, n.valid_from, n.valid_to from unnest(new_counts) n
          except select o.district, o.level_code, o.valid_from, o.valid_to from unnest(old_counts) o) x
      on x.district = n.district and x.level_code = n.level_code and x.valid_from = n.valid_from;
end $$;

-- What a publication changes (V11's sets, one pass). Call after the statuses are written, under AreaEventLog.LOCK,
-- once per publication.
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
    select a.id from area a where a.ancestor_ids && named and a.id <> all(added)
      and not exists (select 1 from unnest(redo) r(area_id) where r.area_id = a.id)
      and (exists (select 1 from risk_area_level l where l.area_id = a.id)
           or exists (select 1 from designation_target t join designation d on d.id = t.designation_id
                      join notice n on n.id = d.notice_id
                      where t.area_id = a.id and not t.excluded and n.status <> 'DRAFT')));
  if cardinality(redo) + cardinality(laid) + cardinality(added) > 0 then
    perform risk_map_change(published_id, day, redo, laid, added);
  end if;
end $$;
