-- Issue 16: when a volunteer can be rostered, kept by the volunteer (self-service) or their community's admins.

-- Recurring weekly windows in the city's time zone: day 1 = Monday … 7 = Sunday. A window whose end is not after its
-- start runs past midnight into the next day (20:00–08:00); start = end is the whole day. Several windows may
-- touch or overlap: the rostering joins them.
create table availability_window (
  id           bigserial primary key,
  volunteer_id bigint   not null references volunteer (id),
  day_of_week  smallint not null check (day_of_week between 1 and 7),
  starts_at    time     not null,
  ends_at      time     not null
);
create index availability_window_volunteer_idx on availability_window (volunteer_id);

-- One-off exceptions: unavailable during a range (an illness, a trip), at most a year long.
create table availability_exception (
  id           bigserial primary key,
  volunteer_id bigint    not null references volunteer (id),
  during       tstzrange not null,
  reason       text check (length(reason) <= 200),
  check (not isempty(during) and lower(during) is not null and upper(during) is not null),
  check (upper(during) - lower(during) <= interval '366 days')
);
create index availability_exception_volunteer_idx on availability_exception using gist (volunteer_id, during);

-- Preferences the rostering weighs (soft): hours a week at most, and posts of their own community.
create table roster_preference (
  volunteer_id          bigint primary key references volunteer (id),
  max_hours_per_week    int check (max_hours_per_week between 0 and 168),
  preferred_post_ids    bigint[] not null default '{}',
  updated_at            timestamptz not null default now()
);
