-- The risk map, maintained (issue 17): the level in force per designated area and the number of areas per district
-- and level, kept as history (periods [valid_from, valid_to), valid_to null = until further notice), so that
-- riskAreas, riskCounts and riskTrend are index reads for any date, today, past or future, instead of evaluating the
-- level in force of every designated area on every call.
--
-- Written only by risk_map_refresh below: at each publication (a notice, a correction, a cancellation) in the
-- publication's own transaction, which holds pg_advisory_xact_lock(AreaEventLog.LOCK) from its first statement, so
-- publications apply one after the other, each seeing every earlier one (order = commit order), and by
-- risk_map_rebuild (this migration's backfill; also the oracle check of the tests). Drafts never count.
--
-- The definition is RiskQueries.decisive's: among the designations of notices that are not drafts, in force at the
-- date (effective_date <= day < superseded_on), that name the area or an enclosing one and do not except the area
-- or one enclosing it, the latest notice wins (effective date, year, number, id), then the most specific area, then
-- the last item. The areas of the map are those a notice that is not a draft names as a target.

-- One row per period in which one designation decides the level of one area of the map.
create table risk_area_level (
  area_id        bigint not null references area (id),
  district       text   not null,
  valid_from     date   not null,
  -- exclusive; null: until a later publication changes it
  valid_to       date,
  level_code     text   not null references risk_level (code),
  designation_id bigint not null references designation (id),
  notice_id      bigint not null references notice (id),
  -- the deciding notice's effective date (riskAreas' "since")
  since          date   not null,
  primary key (area_id, valid_from),
  check (valid_to is null or valid_to > valid_from),
  check (since <= valid_from),
  -- one level per area and day
  exclude using gist (area_id with =, daterange(valid_from, valid_to) with &&)
);
-- riskAreas by district (and level), in area order; every column it reads in the index (an index-only scan), so
-- periods not holding the date asked are skipped without visiting the table.
create index risk_area_level_district_idx on risk_area_level (district, level_code, area_id)
  include (valid_from, valid_to, designation_id, notice_id, since);
create index risk_area_level_district_area_idx on risk_area_level (district, area_id)
  include (valid_from, valid_to, level_code, designation_id, notice_id, since);

-- How many areas of the map a district has at a level, per period; no row: none.
create table risk_count (
  district   text not null,
  level_code text not null references risk_level (code),
  valid_from date not null,
  valid_to   date,
  areas      int  not null check (areas > 0),
  primary key (district, level_code, valid_from),
  check (valid_to is null or valid_to > valid_from),
  exclude using gist (district with =, level_code with =, daterange(valid_from, valid_to) with &&)
);
create index risk_count_during_idx on risk_count using gist (daterange(valid_from, valid_to));

-- Recomputes the periods of the given areas from from_day on (all of them when from_day is null) and moves the
-- counts by the difference. Periods before from_day are kept; one reaching past it is cut there, or continued when
-- the same designation still decides. Every row it writes is canonical (adjacent periods of one designation, and
-- adjacent count periods of one number, are one row), so a refresh leaves what a rebuild would.
create function risk_map_refresh(area_ids bigint[], from_day date) returns void language plpgsql as $$
begin
  -- a second call in one transaction (risk_map_publish) starts afresh; checked first, so that no notice is sent
  if to_regclass('pg_temp.risk_ids') is not null then
    drop table pg_temp.risk_ids, pg_temp.risk_cover, pg_temp.risk_period, pg_temp.risk_delta;
  end if;
  create temp table risk_ids on commit drop as
    select distinct a.id as area_id, a.district, a.ancestor_ids from area a where a.id = any(area_ids);
  -- statistics of the scratch tables, so that a publication's few areas are joined through the indexes of
  -- risk_area_level (millions of rows) rather than by scanning it
  analyze risk_ids;

  -- every designation that may decide one of the areas from from_day on, with its priority
  create temp table risk_cover on commit drop as
    select i.area_id, i.district, d.id as designation_id, d.level_code, n.id as notice_id,
           n.effective_date as eff, n.superseded_on as sup, n.year, n.number,
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
  create index on risk_cover (area_id, eff desc, year desc, number desc, notice_id desc, pos desc, ordinal desc);
  analyze risk_cover;

  -- the level changes only where a designation starts or ends: one segment per such day, its decisive designation
  -- the first in priority order in force that day, then segments of one designation joined
  create temp table risk_period on commit drop as
  with pts as (
    select c.area_id, greatest(c.eff, from_day) as p from risk_cover c
    union
    select c.area_id, c.sup from risk_cover c where c.sup is not null
  ), seg as (
    select area_id, p, lead(p) over (partition by area_id order by p) as nxt from pts
  ), dec as (
    select s.area_id, s.p, s.nxt, w.district, w.designation_id, w.level_code, w.notice_id, w.eff
    from seg s cross join lateral (
      select c.district, c.designation_id, c.level_code, c.notice_id, c.eff from risk_cover c
      where c.area_id = s.area_id and c.eff <= s.p and (c.sup is null or c.sup > s.p)
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

  -- the counts move by: minus the old periods from from_day on, plus the new ones
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

  -- the areas' periods: later ones replaced, the one reaching past from_day cut there (or continued)
  delete from risk_area_level l using risk_ids i
    where l.area_id = i.area_id and (from_day is null or l.valid_from >= from_day);
  update risk_area_level l set valid_to = from_day from risk_ids i
    where l.area_id = i.area_id and from_day is not null and (l.valid_to is null or l.valid_to > from_day);
  with continued as (
    update risk_area_level l set valid_to = p.valid_to from risk_period p
    where l.area_id = p.area_id and l.valid_to = p.valid_from and l.designation_id = p.designation_id
    returning p.area_id, p.valid_from)
  delete from risk_period p using continued c where p.area_id = c.area_id and p.valid_from = c.valid_from;
  insert into risk_area_level (area_id, district, valid_from, valid_to, level_code, designation_id, notice_id, since)
    select area_id, district, valid_from, valid_to, level_code, designation_id, notice_id, since from risk_period;

  -- the count periods of the districts and levels touched, from the last one before from_day on, swept again
  with old as (
    delete from risk_count c using (select distinct district, level_code from risk_delta) k
    where c.district = k.district and c.level_code = k.level_code
      and (from_day is null or c.valid_to is null or c.valid_to >= from_day)
    returning c.district, c.level_code, c.valid_from, c.valid_to, c.areas)
  insert into risk_delta
    select district, level_code, valid_from, areas from old
    union all
    select district, level_code, valid_to, -areas from old where valid_to is not null;

  insert into risk_count (district, level_code, valid_from, valid_to, areas)
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
  select district, level_code, min(day), (array_agg(nxt order by day desc))[1], min(n)
  from grouped group by district, level_code, grp having min(n) <> 0;
end $$;

-- The areas a publication changes: every area of the map inside an area the notice or the one it refers to names,
-- refreshed from the notice's effective date (the earlier days stay as they were: the notice and the one it
-- corrects or cancels count, or stop counting, from that date), except the areas this notice brings onto the map
-- (no other notice that is not a draft names them): their whole history is new. Call after the statuses are
-- written, under AreaEventLog.LOCK.
create function risk_map_publish(published_id bigint) returns void language plpgsql as $$
declare
  day date;
  named bigint[];
  changed bigint[];
  added bigint[];
begin
  select n.effective_date into day from notice n where n.id = published_id;
  select array_agg(distinct t.area_id) into named
    from notice n join designation d on d.notice_id in (n.id, n.references_id)
    join designation_target t on t.designation_id = d.id and not t.excluded
    where n.id = published_id;
  if named is null then
    return;
  end if;
  added := array(
    select distinct t.area_id from designation d join designation_target t on t.designation_id = d.id and not t.excluded
    where d.notice_id = published_id
      and not exists (select 1 from designation_target o join designation od on od.id = o.designation_id
                      join notice n on n.id = od.notice_id
                      where o.area_id = t.area_id and not o.excluded and n.status <> 'DRAFT' and n.id <> published_id));
  changed := array(
    select a.id from area a where a.ancestor_ids && named and a.id <> all(added)
      and exists (select 1 from designation_target t join designation d on d.id = t.designation_id
                  join notice n on n.id = d.notice_id
                  where t.area_id = a.id and not t.excluded and n.status <> 'DRAFT'));
  perform risk_map_refresh(changed, day);
  if cardinality(added) > 0 then
    perform risk_map_refresh(added, null);
  end if;
end $$;

-- Everything again from the notices: the backfill below, and the tests' check that what publications maintained
-- equals what a rebuild computes.
create function risk_map_rebuild() returns void language plpgsql as $$
begin
  truncate risk_area_level, risk_count;
  perform risk_map_refresh(array(
    select distinct t.area_id from designation_target t join designation d on d.id = t.designation_id
    join notice n on n.id = d.notice_id where not t.excluded and n.status <> 'DRAFT'), null);
end $$;

select risk_map_rebuild();
