-- Issue 13: the household register (户) per building and unit, with the special-groups ledger (特殊群体台账) as flags.
-- Written through Hibernate Reactive Panache (household.HouseholdEntity); read in bulk by SQL (rounds, progress).
create table household (
  id            bigserial primary key,
  -- the community the building belongs to (copied from the building's path: one index for a community's register)
  community_id  bigint  not null references org_unit (id),
  -- an org_unit of kind BUILDING (楼/幢) inside that community
  building_id   bigint  not null references org_unit (id),
  -- 单元 inside the building ("2单元"); '' for a building without units
  unit_label    text    not null default '' check (length(unit_label) <= 20),
  -- room / door number ("301"); with building and unit it is the household's address inside the compound
  room          text    not null check (length(room) between 1 and 20),
  -- the street address when it is not the building's (bungalows, village houses)
  address       text    check (length(address) between 1 and 200),
  head_count    int     not null check (head_count between 0 and 50),
  -- personal data: shown to the community's admins, the building's grid worker and captain only
  contact_name  text    check (length(contact_name) between 1 and 100),
  contact_phone text    check (contact_phone ~ '^\+?[0-9][0-9 -]{2,24}$'),
  -- the people who need help; values of the enum HouseholdNeed
  needs         text[]  not null default '{}'
                check (needs <@ array['ELDERLY_ALONE', 'CHRONIC_ILLNESS', 'PREGNANCY', 'DISABILITY', 'INFANT']::text[]),
  note          text    check (length(note) <= 500),
  -- moved away / merged: kept for the rounds and requests that name it, left out of new rounds
  active        boolean not null default true,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  version       int     not null default 0
);
-- one household per door
create unique index household_door on household (building_id, unit_label, room) where active;
create index household_building_idx on household (building_id) where active;
create index household_community_idx on household (community_id, id);
create index household_needs_idx on household using gin (needs) where active and needs <> '{}';
