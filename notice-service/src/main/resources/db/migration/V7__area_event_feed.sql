-- The change feed of published designations (a transactional outbox, issue 12): one row per area a publication
-- changes, written in the publication's own transaction (AreaEventLog), read in sequence order by areaEvents.
-- Rows are only ever appended; a draft or a rolled-back publication writes none.
create table area_event (
  -- The feed position. Writers hold pg_advisory_xact_lock(AreaEventLog.LOCK) from the start of the publication to
  -- its commit, so sequences are drawn, and become visible, in commit order (see AreaEventLog).
  sequence       bigint generated always as identity primary key,
  kind           text   not null check (kind in ('DESIGNATED', 'CORRECTED', 'CANCELLED')),
  area_id        bigint not null references area (id),
  -- the notice whose publication made the change (for a cancellation: the cancelling notice)
  notice_id      bigint not null references notice (id),
  -- the level the notice gives the area; null when the change removes the designation
  level          text   references risk_level (code),
  -- the area's own level at effective_date once the change is applied; null when none is in force
  level_in_force text   references risk_level (code),
  effective_date date   not null,
  occurred_at    timestamptz not null default clock_timestamp(),
  -- a publication changes each area once; a first notice only ever gives levels (only a correction or a
  -- cancellation ends a designation)
  unique (notice_id, area_id),
  check (kind <> 'DESIGNATED' or level is not null)
);
