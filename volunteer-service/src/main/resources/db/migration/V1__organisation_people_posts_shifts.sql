-- The database itself refuses double bookings: exclusion constraints on time ranges need btree_gist.
create extension if not exists btree_gist;

-- district → street/township → community/village → grid → building, one table since every level is a node of one tree.
create table org_unit (
  id         bigserial primary key,
  kind       text   not null check (kind in ('DISTRICT', 'STREET', 'COMMUNITY', 'GRID', 'BUILDING')),
  name       text   not null check (length(name) between 1 and 200),
  parent_id  bigint references org_unit (id),
  -- root first, the unit itself last: "is X inside Y" is one array test
  path_ids   bigint[] not null default '{}',
  -- the notice-service Area this unit corresponds to, when linked (data this service owns)
  area_id    text,
  check ((kind = 'DISTRICT') = (parent_id is null))
);
create unique index org_unit_name_per_parent on org_unit (coalesce(parent_id, 0), kind, name);
create index org_unit_path_idx on org_unit using gin (path_ids);
create index org_unit_area_idx on org_unit (area_id) where area_id is not null;

-- Per-community roster rules; missing values fall back to the service's configuration.
create table community_rules (
  community_id      bigint primary key references org_unit (id),
  max_hours_per_24h int check (max_hours_per_24h between 1 and 24),
  min_rest_hours    int check (min_rest_hours between 0 and 24)
);

create table team (
  id           bigserial primary key,
  name         text not null unique,
  community_id bigint references org_unit (id)
);

create table volunteer (
  id           bigserial primary key,
  name         text   not null check (length(name) between 1 and 100),
  phone        text,
  community_id bigint not null references org_unit (id),
  -- PARTY_MEMBER, IN_SERVICE_PARTY_MEMBER, VETERAN, YOUTH_LEAGUE, WOMENS_TEAM, RESIDENT_REPRESENTATIVE, RESIDENT, GRID_WORKER ...
  kinds        text[] not null default '{}',
  skills       text[] not null default '{}',
  team_id      bigint references team (id),
  -- the Keycloak user (sub) of a volunteer who signs in, if any
  user_id      text unique,
  active       boolean not null default true
);
create index volunteer_community_idx on volunteer (community_id);

-- Grid workers (or any volunteer) responsible for a grid or building; one person can hold several.
create table responsibility (
  org_unit_id  bigint not null references org_unit (id),
  volunteer_id bigint not null references volunteer (id),
  role         text   not null default 'GRID_WORKER',
  primary key (org_unit_id, volunteer_id, role)
);

create table duty_post (
  id                 bigserial primary key,
  community_id       bigint not null references org_unit (id),
  name               text   not null,
  kind               text   not null,
  required_headcount int    not null check (required_headcount between 1 and 100),
  -- people of any of these kinds may staff it; empty means anybody
  allowed_kinds      text[] not null default '{}',
  required_skill     text,
  -- a checkpoint is staffed 24 h: hours without a shift count as gaps
  around_the_clock   boolean not null default false,
  area_id            text,
  address            text,
  unique (community_id, name)
);
create index duty_post_area_idx on duty_post (area_id) where area_id is not null;

create table shift (
  id                 bigserial primary key,
  post_id            bigint    not null references duty_post (id),
  during             tstzrange not null,
  required_headcount int       not null check (required_headcount between 1 and 100),
  cancelled          boolean   not null default false,
  cancel_reason      text,
  check (not isempty(during) and lower(during) is not null and upper(during) is not null),
  check (upper(during) - lower(during) between interval '30 minutes' and interval '24 hours'),
  -- a post's shifts do not overlap one another (rotations are generated edge to edge)
  exclude using gist (post_id with =, during with &&) where (not cancelled)
);
create index shift_during_idx on shift using gist (during);

create table assignment (
  id           bigserial primary key,
  shift_id     bigint    not null references shift (id),
  volunteer_id bigint    not null references volunteer (id),
  -- copied from the shift so that the database can refuse overlaps per person
  during       tstzrange not null,
  status       text      not null default 'ACTIVE' check (status in ('ACTIVE', 'CANCELLED', 'HANDED_OVER')),
  source       text      not null check (source in ('SIGN_UP', 'ASSIGNED', 'SWAP', 'HAND_OVER')),
  created_at   timestamptz not null default now(),
  ended_reason text,
  -- one person is never in two places at once
  exclude using gist (volunteer_id with =, during with &&) where (status = 'ACTIVE')
);
create unique index assignment_once_per_shift on assignment (shift_id, volunteer_id) where status = 'ACTIVE';
create index assignment_shift_idx on assignment (shift_id) where status = 'ACTIVE';
create index assignment_volunteer_idx on assignment (volunteer_id, during);

create table swap_request (
  id                  bigserial primary key,
  from_assignment_id  bigint not null references assignment (id),
  -- the colleague who takes it; with to_assignment_id the two exchange shifts, without it is a hand-over
  to_volunteer_id     bigint not null references volunteer (id),
  to_assignment_id    bigint references assignment (id),
  status              text   not null default 'PROPOSED' check (status in ('PROPOSED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'FAILED')),
  reason              text,
  created_at          timestamptz not null default now(),
  decided_at          timestamptz
);
create unique index swap_request_open_once on swap_request (from_assignment_id) where status = 'PROPOSED';

create table task (
  id            bigserial primary key,
  kind          text   not null check (kind in ('DOOR_TO_DOOR_TESTING', 'SUPPLY_DELIVERY', 'MEDICINE_PURCHASE', 'TRANSPORT', 'OTHER')),
  org_unit_id   bigint not null references org_unit (id),
  household     text,
  area_id       text,
  description   text,
  status        text   not null default 'OPEN' check (status in ('OPEN', 'ASSIGNED', 'DONE', 'FAILED')),
  assignee_id   bigint references volunteer (id),
  failure_reason text,
  due_at        timestamptz,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  check (status <> 'FAILED' or failure_reason is not null),
  check (status = 'OPEN' or assignee_id is not null)
);
create index task_org_unit_idx on task (org_unit_id, status);
create index task_area_idx on task (area_id) where area_id is not null;

-- 微心愿: a resident's small request that a volunteer claims.
create table wish (
  id          bigserial primary key,
  community_id bigint not null references org_unit (id),
  household   text   not null,
  kind        text   not null check (kind in ('MEDICINE', 'SUPPLIES', 'OTHER')),
  description text   not null,
  status      text   not null default 'OPEN' check (status in ('OPEN', 'CLAIMED', 'FULFILLED', 'CANCELLED')),
  claimed_by  bigint references volunteer (id),
  created_at  timestamptz not null default now(),
  check (status = 'OPEN' or status = 'CANCELLED' or claimed_by is not null)
);
create index wish_community_idx on wish (community_id, status);
