-- Substring search over Chinese area names.
create extension if not exists pg_trgm;
-- Lets the database refuse overlapping validity periods of one level's rules.
create extension if not exists btree_gist;

-- Levels are data: vocabularies changed during 2022 (medium-risk abolished, sealed/controlled/precaution elsewhere).
create table risk_level (
  code        text primary key,
  name        text not null unique,
  severity    int  not null,
  valid_from  date,
  valid_to    date,
  description text
);

-- Versioned downgrade rules: "N consecutive days without new infections" moves level_code to downgrade_to.
create table level_rule (
  id           bigserial primary key,
  level_code   text not null references risk_level (code),
  valid_from   date not null,
  valid_to     date,
  quiet_days   int  not null check (quiet_days > 0),
  downgrade_to text not null references risk_level (code),
  description  text,
  check (valid_to is null or valid_to > valid_from),
  exclude using gist (level_code with =, daterange(valid_from, valid_to) with &&)
);

create table area (
  id           bigserial primary key,
  district     text   not null,
  local_key    text   not null,
  parent_id    bigint references area (id),
  kind         text   not null check (kind in ('DISTRICT', 'STREET', 'COMPOUND', 'SECTION', 'BUILDING', 'UNIT', 'PART')),
  name         text   not null,
  full_name    text   not null,
  depth        int    not null,
  -- root first, the area itself last: one array lookup answers "does X cover Y".
  ancestor_ids bigint[] not null default '{}',
  street       text,
  unique (district, local_key)
);
create index area_local_key_idx on area (local_key);
create index area_parent_idx on area (parent_id);
create index area_ancestors_idx on area using gin (ancestor_ids);
create index area_full_name_trgm_idx on area using gin (full_name gin_trgm_ops);

create table notice (
  id             bigserial primary key,
  issuer         text not null,
  year           int  not null check (year between 2000 and 2100),
  number         int  not null check (number > 0),
  issue_date     date not null,
  effective_date date not null,
  title          text,
  legal_basis    text,
  measures       text,
  source_text    text,
  status         text not null check (status in ('DRAFT', 'PUBLISHED', 'SUPERSEDED', 'CANCELLED')),
  message_type   text not null default 'ALERT' check (message_type in ('ALERT', 'UPDATE', 'CANCEL')),
  references_id  bigint references notice (id),
  superseded_by  bigint references notice (id),
  -- the designations of a superseded notice count until this date (exclusive)
  superseded_on  date,
  warnings       jsonb not null default '[]',
  drafted_by     text,
  published_by   text,
  published_at   timestamptz,
  created_at     timestamptz not null default now(),
  unique (issuer, year, number),
  check (message_type = 'ALERT' or references_id is not null)
);
create index notice_issue_date_idx on notice (issue_date desc, id desc);

create table designation (
  id         bigserial primary key,
  notice_id  bigint not null references notice (id) on delete cascade,
  ordinal    int    not null,
  district   text,
  item_text  text   not null,
  level_code text   not null references risk_level (code),
  action     text,
  unique (notice_id, ordinal)
);
create index designation_district_idx on designation (district);

-- One designation covers one or several areas (a list of buildings) minus its exceptions.
create table designation_target (
  designation_id bigint  not null references designation (id) on delete cascade,
  area_id        bigint  not null references area (id),
  excluded       boolean not null,
  primary key (designation_id, area_id, excluded)
);
create index designation_target_area_idx on designation_target (area_id) include (designation_id, excluded);

create table case_report (
  area_id     bigint not null references area (id),
  report_date date   not null,
  new_cases   int    not null check (new_cases >= 0),
  reported_at timestamptz not null default now(),
  primary key (area_id, report_date)
);

insert into risk_level (code, name, severity, valid_from, valid_to, description) values
  ('HIGH',        '高风险区', 30, null, null, '足不出户、上门服务'),
  ('MEDIUM',      '中风险区', 20, null, '2022-11-11', 'abolished by the twenty measures of 2022-11-11'),
  ('LOW',         '低风险区', 10, null, null, '个人防护,避免聚集'),
  ('SEALED',      '封控区',   32, null, null, 'sealed zone'),
  ('CONTROLLED',  '管控区',   22, null, null, 'controlled zone'),
  ('PRECAUTION',  '防范区',   12, null, null, 'precaution zone');

insert into level_rule (level_code, valid_from, valid_to, quiet_days, downgrade_to, description) values
  ('HIGH',   '2022-11-11', null,         5,  'LOW', '5 consecutive days without new infections'),
  ('HIGH',   '2022-01-01', '2022-11-11', 7,  'MEDIUM', '7 days without new infections (ninth edition of the control plan)'),
  ('MEDIUM', '2022-01-01', '2022-11-11', 3,  'LOW', '3 days without new infections'),
  ('SEALED', '2022-01-01', null,         7,  'CONTROLLED', '7 days without new infections'),
  ('CONTROLLED', '2022-01-01', null,     7,  'PRECAUTION', '7 days without new infections');
