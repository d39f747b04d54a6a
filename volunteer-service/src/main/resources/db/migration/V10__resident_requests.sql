-- Issue 13: residents' requests (接诉即办): taken by phone, in person, by a grid worker or over WeChat, with a
-- response-time clock (due_at), assigned to a volunteer or a team, closed with an outcome or cancelled, escalated when
-- overdue or urgent and unassigned. Guarded transitions in SQL (request.RequestDesk); the checks below are the
-- database's word on what a request may look like in each status.

-- A request names a household of its own community: the composite key below lets the database check it.
alter table household add constraint household_of_community unique (id, community_id);

create table resident_request (
  id                bigserial primary key,
  community_id      bigint  not null references org_unit (id),
  household_id      bigint,
  kind              text    not null check (kind in ('MEDICINE', 'SUPPLIES', 'TRANSPORT', 'MEDICAL_EMERGENCY', 'OTHER')),
  urgency           text    not null check (urgency in ('ROUTINE', 'URGENT', 'EMERGENCY')),
  description       text    not null check (length(description) between 1 and 1000),
  channel           text    not null check (channel in ('PHONE', 'IN_PERSON', 'GRID_WORKER', 'WECHAT', 'HOTLINE', 'OTHER')),
  -- who took it (user name and token subject)
  taken_by          text    not null,
  taken_by_subject  text    not null,
  received_at       timestamptz not null,
  due_at            timestamptz not null,
  status            text    not null default 'OPEN' check (status in ('OPEN', 'ASSIGNED', 'DONE', 'CANCELLED')),
  -- a volunteer of the community, or a team (the community's or a city-wide one)
  assignee_id       bigint  references volunteer (id),
  team_id           bigint  references team (id),
  assigned_at       timestamptz,
  closed_at         timestamptz,
  outcome           text    check (length(outcome) between 1 and 1000),
  cancel_reason     text    check (length(cancel_reason) between 1 and 500),
  -- 0: not escalated; 1: the community's admins alerted; 2: the district's officers alerted
  escalation_level  smallint not null default 0 check (escalation_level between 0 and 2),
  escalated_at      timestamptz,
  version           int     not null default 0,
  foreign key (household_id, community_id) references household (id, community_id),
  check (due_at > received_at),
  check (assignee_id is null or team_id is null),
  check ((assignee_id is null and team_id is null) = (assigned_at is null)),
  -- OPEN: nobody has it yet; ASSIGNED: someone has
  check (status <> 'OPEN' or assigned_at is null),
  check (status <> 'ASSIGNED' or assigned_at is not null),
  -- closed exactly when DONE (with its outcome) or CANCELLED (with its reason)
  check ((status in ('DONE', 'CANCELLED')) = (closed_at is not null)),
  check ((status = 'DONE') = (outcome is not null)),
  check ((status = 'CANCELLED') = (cancel_reason is not null)),
  check (closed_at is null or closed_at >= received_at),
  check ((escalation_level = 0) = (escalated_at is null))
);
-- lists under a unit (per community, newest first); figures per community and window
create index resident_request_community_idx on resident_request (community_id, id);
create index resident_request_received_idx on resident_request (community_id, received_at);
create index resident_request_household_idx on resident_request (household_id) where household_id is not null;
-- the escalation job's look-up: requests still open
create index resident_request_open_idx on resident_request (due_at) where status in ('OPEN', 'ASSIGNED');

-- Request escalations are alerts too (same acknowledgement, same alertRaised subscription, same audiences):
-- an alert names a response or a request; level 1 goes to the community's admins, level 2 to the district's officers.
alter table alert alter column response_id drop not null;
alter table alert add column request_id bigint references resident_request (id);
alter table alert add column request_level smallint check (request_level between 1 and 2);
alter table alert drop constraint alert_kind_check;
alter table alert add constraint alert_kind_check
  check (kind in ('RESPONSE_OPENED', 'RESPONSE_CLOSED', 'ESCALATION', 'REQUEST_ESCALATED'));
alter table alert add constraint alert_names_response_or_request
  check ((response_id is null) <> (request_id is null));
alter table alert add constraint alert_request_escalation
  check ((kind = 'REQUEST_ESCALATED') = (request_level is not null)
     and (kind <> 'REQUEST_ESCALATED' or request_id is not null)
     and (request_level is null or request_level = 1 and audience = 'COMMUNITY_ADMINS'
          or request_level = 2 and audience = 'DISTRICT_OFFICERS'));
-- once per request, kind, audience and unit: a level is escalated once, whichever replica runs the job
create unique index alert_once_per_request on alert (request_id, kind, audience, audience_unit_id)
  where request_id is not null and escalation_of is null;

-- 微心愿 posted by grid workers on a resident's behalf: the household (of the wish's community) and who posted it
alter table wish add column household_id bigint;
alter table wish add constraint wish_household_of_community
  foreign key (household_id, community_id) references household (id, community_id);
alter table wish add column posted_by text;
