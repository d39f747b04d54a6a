-- Who changed what (issue 5): one row per write, inserted in the same transaction as the write itself, so a change
-- without its event (or an event without its change) cannot exist.
create table audit_event (
  id            bigserial primary key,
  at            timestamptz not null default now(),
  actor         text,
  actor_subject text,
  action        text not null,
  target_type   text not null,
  target_id     text,
  details       jsonb not null default '{}',
  -- the organisation path (district … community …) the change concerns: a community's staff read their own trail
  org_path      bigint[] not null default '{}'
);
create index audit_event_at_idx on audit_event (at, id);
create index audit_event_target_idx on audit_event (target_type, target_id);
create index audit_event_actor_idx on audit_event (actor);
create index audit_event_org_path_idx on audit_event using gin (org_path);
