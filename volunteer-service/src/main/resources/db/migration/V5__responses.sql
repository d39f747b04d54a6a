-- Issue 12, responses: plans per level (data, versioned by date), the responses they open, testing rounds, and an
-- active period on every duty post.

-- A plan per level code, valid over a date range like notice-service's level_rule; versions of one level never overlap.
create table response_plan (
  id                    bigserial primary key,
  level_code            text not null check (level_code ~ '^[A-Z][A-Z_]{1,29}$'),
  valid_from            date not null,
  valid_to              date,
  description           text,
  -- testing rounds: how many, the first on day first_round_day of the response, then one every round_interval_days
  testing_rounds        int  not null default 0 check (testing_rounds between 0 and 14),
  first_round_day       int  not null default 0 check (first_round_day between 0 and 30),
  round_interval_days   int  not null default 1 check (round_interval_days between 1 and 14),
  created_by            text,
  created_at            timestamptz not null default now(),
  check (valid_to is null or valid_to > valid_from),
  exclude using gist (level_code with =, daterange(valid_from, valid_to) with &&)
);

-- The posts a plan opens; item_key names the item across versions (a response keeps one post per key).
create table response_plan_post (
  id                bigserial primary key,
  plan_id           bigint not null references response_plan (id) on delete cascade,
  item_key          text   not null check (item_key ~ '^[a-z][a-z0-9_-]{0,39}$'),
  kind              text   not null,
  -- {area} is replaced by the area's full name, {response} by the response id (post names are unique per community)
  name_template     text   not null check (length(name_template) between 1 and 120),
  around_the_clock  boolean not null default true,
  shift_hours       int    not null check (shift_hours in (1, 2, 3, 4, 6, 8, 12, 24)),
  day_starts_at     time   not null default '08:00',
  headcount         int    not null check (headcount between 1 and 100),
  allowed_kinds     text[] not null default '{}',
  required_skill    text,
  unique (plan_id, item_key)
);

-- The tasks a plan creates: once (door-to-door) or one a day over the shift horizon (supply delivery).
create table response_plan_task (
  id           bigserial primary key,
  plan_id      bigint not null references response_plan (id) on delete cascade,
  item_key     text   not null check (item_key ~ '^[a-z][a-z0-9_-]{0,39}$'),
  kind         text   not null check (kind in ('DOOR_TO_DOOR_TESTING', 'SUPPLY_DELIVERY', 'MEDICINE_PURCHASE', 'TRANSPORT', 'OTHER')),
  description  text   not null check (length(description) between 1 and 500),
  daily        boolean not null default false,
  unique (plan_id, item_key)
);

-- One response per community and area while open; closed ones stay as history.
create table response (
  id              bigserial primary key,
  community_id    bigint not null references org_unit (id),
  -- the unit answering for the area (AreaUnits.mostSpecific), and its grid when it has one
  unit_id         bigint not null references org_unit (id),
  grid_id         bigint references org_unit (id),
  area_id         text   not null,
  area_path       text[] not null,
  area_name       text   not null,
  district        text   not null,
  level_code      text   not null,
  plan_id         bigint not null references response_plan (id),
  effective_date  date   not null,
  opened_at       timestamptz not null default now(),
  closed_at       timestamptz,
  close_reason    text,
  -- the last area event applied: a redelivered one (sequence <= this) changes nothing
  last_sequence   bigint not null,
  -- listeners told of the opening / closing (told again after a crash before this was set)
  open_told       boolean not null default false,
  close_told      boolean not null default false,
  check ((closed_at is null) = (close_reason is null))
);
create unique index response_open_per_area on response (area_id) where closed_at is null;
create index response_community_idx on response (community_id, opened_at desc);
create index response_area_idx on response (area_id, opened_at desc);

-- The notices (events) that drove a response, once per event.
create table response_notice (
  id             bigserial primary key,
  response_id    bigint not null references response (id),
  sequence       bigint not null,
  kind           text   not null check (kind in ('DESIGNATED', 'CORRECTED', 'CANCELLED')),
  area_id        text   not null,
  notice_id      text   not null,
  notice_number  int    not null,
  level          text,
  level_in_force text,
  effective_date date   not null,
  unique (response_id, sequence, area_id)
);

-- Every post has an active period (open by default): closed posts and times outside it need no staff.
alter table duty_post
  add column active_from   timestamptz,
  add column active_until  timestamptz,
  add column closed_reason text,
  add column response_id   bigint references response (id),
  add column response_item text,
  add check (active_from is null or active_until is null or active_until >= active_from),
  add check ((response_id is null) = (response_item is null));
create unique index duty_post_per_response_item on duty_post (response_id, response_item) where response_id is not null;

-- Tasks a response created (one per plan item and day) and tasks closed because the area was lifted.
alter table task drop constraint task_status_check;
alter table task drop constraint task_check1;
alter table task
  add column cancel_reason text,
  add column response_id   bigint references response (id),
  add column response_item text,
  add check (status in ('OPEN', 'ASSIGNED', 'DONE', 'FAILED', 'CANCELLED')),
  add check (status in ('OPEN', 'CANCELLED') or assignee_id is not null),
  add check (status <> 'CANCELLED' or cancel_reason is not null),
  add check ((response_id is null) = (response_item is null));
create unique index task_per_response_item on task (response_id, response_item) where response_id is not null;

-- Testing rounds of an area (the next issue adds the households tested in each).
create table testing_round (
  id           bigserial primary key,
  response_id  bigint not null references response (id),
  area_id      text   not null,
  unit_id      bigint not null references org_unit (id),
  round        int    not null check (round between 1 and 14),
  rounds       int    not null check (rounds between round and 14),
  on_date      date   not null,
  status       text   not null default 'SCHEDULED' check (status in ('SCHEDULED', 'DONE', 'CANCELLED')),
  cancel_reason text,
  check (status <> 'CANCELLED' or cancel_reason is not null),
  unique (response_id, round)
);

-- The default plans (the reports: "封控后前3天连续开展3次核酸检测"), from the start of the 2022 vocabulary.
insert into response_plan (level_code, valid_from, description, testing_rounds, first_round_day, round_interval_days) values
  ('HIGH',       '2022-01-01', '高风险区：24小时卡口（2×12小时，每班2人），封控后前3天连续开展3次核酸检测，上门服务、每日物资配送', 3, 0, 1),
  ('SEALED',     '2022-01-01', '封控区：足不出户，24小时卡口，前3天3次核酸检测，上门服务、每日物资配送', 3, 0, 1),
  ('CONTROLLED', '2022-01-01', '管控区：足不出区，24小时卡口，前3天3次核酸检测', 3, 0, 1);

insert into response_plan_post (plan_id, item_key, kind, name_template, shift_hours, headcount)
select id, 'checkpoint', 'CHECKPOINT', '{area}卡口（响应{response}）', 12, 2 from response_plan;

insert into response_plan_task (plan_id, item_key, kind, description, daily)
select id, 'door-to-door', 'DOOR_TO_DOOR_TESTING', '上门核酸检测：逐户登记、采样', false from response_plan
union all
select id, 'supply', 'SUPPLY_DELIVERY', '每日生活物资配送到户', true from response_plan where level_code in ('HIGH', 'SEALED');
