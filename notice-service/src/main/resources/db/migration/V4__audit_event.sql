-- Who changed what, written in the same transaction as the change itself (security contract, issue 5).
create table audit_event (
  id            bigserial primary key,
  at            timestamptz not null default now(),
  actor         text,
  actor_subject text,
  action        text not null,
  target_type   text not null,
  target_id     text,
  details       jsonb not null default '{}'
);
-- auditTrail pages newest first by id (the order of writing), optionally for one target or one actor.
create index audit_event_target_idx on audit_event (target_type, target_id, id desc);
create index audit_event_actor_idx on audit_event (actor, id desc);
create index audit_event_at_idx on audit_event (at);
