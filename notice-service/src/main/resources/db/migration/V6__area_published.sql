-- Drafts are invisible to the public, their areas included. An area is public once a notice that is no longer a
-- draft (published, superseded or cancelled) names it — as a target or as an exception — or names a place inside it.
-- Notices never return to draft, so the flag only ever turns on. The database keeps it, whoever writes the rows
-- (the service, or set-based loads such as benchmarks/notice-service/generate.sql): one read decides visibility
-- wherever an area is served, instead of a walk over designations per area.
alter table area add column published boolean not null default false;

-- Makes the given areas public, and every area enclosing them.
create function publish_areas(target_ids bigint[]) returns void language sql as $$
  update area set published = true
  where not published
    and id in (select unnest(a.ancestor_ids) from area a where a.id = any(target_ids));
$$;

-- Every area named by a notice that is not a draft today.
select publish_areas(array(select t.area_id from designation_target t
                           join designation d on d.id = t.designation_id
                           join notice n on n.id = d.notice_id
                           where n.status <> 'DRAFT'));

-- A notice leaves the draft state: the areas it names become public.
create function publish_areas_of_notice() returns trigger language plpgsql as $$
begin
  perform publish_areas(array(select t.area_id from designation d
                              join designation_target t on t.designation_id = d.id
                              where d.notice_id = new.id));
  return null;
end $$;

create trigger notice_published_areas after update of status on notice
  for each row when (old.status = 'DRAFT' and new.status <> 'DRAFT')
  execute function publish_areas_of_notice();

-- Targets added to a notice that is not a draft (a load of published notices): the same, once per statement.
create function publish_areas_of_targets() returns trigger language plpgsql as $$
begin
  perform publish_areas(array(select t.area_id from added t
                              join designation d on d.id = t.designation_id
                              join notice n on n.id = d.notice_id
                              where n.status <> 'DRAFT'));
  return null;
end $$;

create trigger designation_target_published_areas after insert on designation_target
  referencing new table as added
  for each statement execute function publish_areas_of_targets();

-- riskLevel recognises districts among the public ones only (RiskQueries.knownDistricts); the index of V2 narrowed.
drop index area_district_roots_idx;
create index area_district_roots_idx on area (name) where depth = 0 and published;
