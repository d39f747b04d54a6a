-- Alerts of issue 12: a response that opens or closes tells the people responsible; unacknowledged ones escalate.
-- The people are in Keycloak, so an alert is addressed to an AUDIENCE (a role over one org unit), not to persons:
--   COMMUNITY_ADMINS of a community, GRID_WORKERS of a grid (or of every grid of a community),
--   DISTRICT_OFFICERS of a district. Written through Hibernate Reactive Panache (entity alert.Alert).
create table alert (
  id                      bigserial primary key,
  kind                    text   not null check (kind in ('RESPONSE_OPENED', 'RESPONSE_CLOSED', 'ESCALATION')),
  audience                text   not null check (audience in ('COMMUNITY_ADMINS', 'GRID_WORKERS', 'DISTRICT_OFFICERS')),
  -- the unit whose holders of the audience's role receive it
  audience_unit_id        bigint not null references org_unit (id),
  community_id            bigint not null references org_unit (id),
  grid_id                 bigint references org_unit (id),
  district_id             bigint not null references org_unit (id),
  -- the response (responses part); no foreign key: an alert outlives nothing, and its response table is another part's
  response_id             bigint not null,
  area_id                 text,
  area_name               text,
  level                   text,
  message                 text   not null check (length(message) between 1 and 1000),
  created_at              timestamptz not null default now(),
  acknowledged_at         timestamptz,
  acknowledged_by         text,
  acknowledged_by_subject text,
  -- on the original: when its escalation was raised
  escalated_at            timestamptz,
  -- on an escalation: the alert nobody acknowledged in time; unique: an alert escalates once, whichever replica runs
  escalation_of           bigint unique references alert (id),
  check ((acknowledged_at is null) = (acknowledged_by is null)),
  check ((kind = 'ESCALATION') = (escalation_of is not null)),
  check (kind <> 'ESCALATION' or audience = 'DISTRICT_OFFICERS'),
  -- the audience's unit is the one of its level
  check (audience <> 'COMMUNITY_ADMINS' or audience_unit_id = community_id),
  check (audience <> 'DISTRICT_OFFICERS' or audience_unit_id = district_id),
  check (audience <> 'GRID_WORKERS' or audience_unit_id = coalesce(grid_id, community_id))
);
-- Idempotent per (response, change): a response announced twice alerts each audience once.
create unique index alert_once_per_response on alert (response_id, kind, audience, audience_unit_id)
  where escalation_of is null;
create index alert_audience_idx on alert (audience, audience_unit_id, id);
-- the escalation job's look-up: unacknowledged, not yet escalated, oldest first
create index alert_due_idx on alert (created_at) where acknowledged_at is null and escalated_at is null;

-- Live subscribers on every replica learn of each new alert when (and only if) its transaction commits:
-- NOTIFY is transactional, so whichever replica raised it, every replica's listener gets its id (AlertBroadcast).
create function alert_raised_notify() returns trigger language plpgsql as $$
begin
  perform pg_notify('alert_raised', new.id::text);
  return null;
end $$;
create trigger alert_raised after insert on alert for each row execute function alert_raised_notify();
