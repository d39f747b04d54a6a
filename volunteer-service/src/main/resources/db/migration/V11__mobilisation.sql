-- Issue 13, mobilisation: people register themselves to volunteer (报到 / 双报到), teams with a kind, a leader and
-- several members, and call-outs of a pool of volunteers for a post, a response or a time window.

-- A person's registration to volunteer at a community, with the Keycloak account they signed in with. Approval
-- creates the volunteer linked to that account; the realm role "volunteer" is granted in Keycloak after the approval
-- commits (role_granted_at null = still to grant; a job retries until Keycloak confirms).
create table volunteer_registration (
  id              bigserial primary key,
  -- the token's sub and preferred_username of the account that registered
  user_id         text not null check (length(user_id) between 1 and 100),
  username        text not null check (length(username) between 1 and 100),
  name            text not null check (length(name) between 1 and 100),
  phone           text check (phone ~ '^\+?[0-9][0-9 -]{4,19}$'),
  kind            text not null check (kind in ('RESIDENT', 'IN_SERVICE_PARTY_MEMBER', 'PARTY_MEMBER')),
  -- 双报到: the employer of an in-service party member who reports to the community where they live
  work_unit       text check (length(work_unit) between 1 and 200),
  skills          text[] not null default '{}',
  community_id    bigint not null references org_unit (id),
  status          text not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
  reason          text check (length(reason) between 1 and 500),
  created_at      timestamptz not null default now(),
  decided_by      text,
  decided_at      timestamptz,
  volunteer_id    bigint references volunteer (id),
  role_granted_at timestamptz,
  check (kind <> 'IN_SERVICE_PARTY_MEMBER' or work_unit is not null),
  check ((status = 'APPROVED') = (volunteer_id is not null)),
  check (status in ('PENDING', 'WITHDRAWN') or (decided_by is not null and decided_at is not null)),
  check (status <> 'REJECTED' or reason is not null),
  check (role_granted_at is null or status = 'APPROVED')
);
-- one open registration per account
create unique index volunteer_registration_open on volunteer_registration (user_id) where status = 'PENDING';
create index volunteer_registration_account on volunteer_registration (user_id, id);
create index volunteer_registration_community on volunteer_registration (community_id, status, id);
-- the grant job's work list
create index volunteer_registration_grant_pending on volunteer_registration (id)
  where status = 'APPROVED' and role_granted_at is null;

-- Teams: a kind (党员突击队, 送餐队, 临时党支部), a leader who is one of its members, any number of members; a person
-- may be in several teams. volunteer.team_id (one team per person) is copied into team_member and no longer
-- written; it stays for the previous release's pods during a rolling update.
alter table team
  add column kind text not null default 'OTHER'
    check (kind in ('PARTY_TEAM', 'MEAL_DELIVERY', 'TEMPORARY_PARTY_BRANCH', 'OTHER')),
  add column leader_id bigint references volunteer (id);

create table team_member (
  team_id      bigint not null references team (id),
  volunteer_id bigint not null references volunteer (id),
  joined_at    timestamptz not null default now(),
  primary key (team_id, volunteer_id)
);
create index team_member_volunteer on team_member (volunteer_id);
insert into team_member (team_id, volunteer_id) select team_id, id from volunteer where team_id is not null;
-- the leader is a member: removing the leader's membership is refused (checked at commit: a team and its leader's
-- membership are written in one transaction)
alter table team add constraint team_leader_is_member foreign key (id, leader_id)
  references team_member (team_id, volunteer_id) deferrable initially deferred;

-- A community admin calls a pool of volunteers (kinds, skills, team) for a post, a response or a window.
create table call_out (
  id           bigserial primary key,
  community_id bigint    not null references org_unit (id),
  post_id      bigint references duty_post (id),
  response_id  bigint references response (id),
  during       tstzrange not null,
  kinds        text[]    not null default '{}',
  skills       text[]    not null default '{}',
  team_id      bigint references team (id),
  message      text check (length(message) between 1 and 500),
  status       text      not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
  -- person-hours still to fill in the window's shifts when the call went out (coverage gaps)
  gap_hours    numeric(10, 2) not null check (gap_hours >= 0),
  created_by   text      not null,
  created_at   timestamptz not null default now(),
  closed_at    timestamptz,
  check (post_id is null or response_id is null),
  check (not isempty(during) and lower(during) is not null and upper(during) is not null),
  check ((status = 'CLOSED') = (closed_at is not null))
);
create index call_out_community on call_out (community_id, status, id);

-- Who was invited and what they answered; answering again changes the answer.
create table call_out_answer (
  call_out_id  bigint not null references call_out (id),
  volunteer_id bigint not null references volunteer (id),
  invited_at   timestamptz not null default now(),
  accepted     boolean,
  answered_at  timestamptz,
  answered_by  text,
  primary key (call_out_id, volunteer_id),
  check ((accepted is null) = (answered_at is null))
);
create index call_out_answer_volunteer on call_out_answer (volunteer_id);

-- The sign-ups an accepted answer made (the roster's own assignments).
create table call_out_sign_up (
  call_out_id   bigint not null,
  volunteer_id  bigint not null,
  assignment_id bigint not null unique references assignment (id),
  foreign key (call_out_id, volunteer_id) references call_out_answer (call_out_id, volunteer_id) on delete cascade
);
create index call_out_sign_up_call on call_out_sign_up (call_out_id);
