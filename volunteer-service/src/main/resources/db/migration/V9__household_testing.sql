-- Issue 13: a testing round household by household. Written and read by SQL (testing.HouseholdTests,
-- testing.RoundProgress): concurrent recorders, progress and the missed list are queries over the whole register.

-- The status standing for each household in a round (one row per door, written under its row lock).
create table household_test (
  round_id         bigint  not null references testing_round (id),
  household_id     bigint  not null references household (id),
  status           text    not null check (status in ('TESTED', 'NOT_AT_HOME', 'REFUSED', 'ISOLATED', 'POSITIVE')),
  -- people sampled at the door: only for TESTED / POSITIVE, and then always (the head count unless the recorder said)
  tested_count     int     check (tested_count between 0 and 50),
  reason           text    check (length(reason) between 1 and 500),
  -- accounted for: tested, positive, isolated, or not at home / refused with a reason (a round closes only when every
  -- household is); stored, so that progress counts it without repeating the rule in every query
  accounted        boolean not null generated always as
                     (status in ('TESTED', 'POSITIVE', 'ISOLATED') or reason is not null) stored,
  recorded_by      text    not null,
  recorded_subject text    not null,
  recorded_at      timestamptz not null default now(),
  primary key (round_id, household_id),
  check ((tested_count is not null) = (status in ('TESTED', 'POSITIVE'))),
  check (status not in ('REFUSED', 'ISOLATED') or reason is not null)
);

-- Every recording a recorder sent (append-only): what stands now is household_test; what was sent, by whom, when and
-- what stood before is here, including recordings that did not replace a stronger status (applied = false).
create table household_test_record (
  id               bigserial primary key,
  round_id         bigint  not null references testing_round (id),
  household_id     bigint  not null references household (id),
  status           text    not null check (status in ('TESTED', 'NOT_AT_HOME', 'REFUSED', 'ISOLATED', 'POSITIVE')),
  tested_count     int     check (tested_count between 0 and 50),
  reason           text    check (length(reason) between 1 and 500),
  -- the status standing before this recording (null: none yet)
  previous_status  text    check (previous_status in ('TESTED', 'NOT_AT_HOME', 'REFUSED', 'ISOLATED', 'POSITIVE')),
  applied          boolean not null,
  correction       boolean not null default false,
  -- how it came: recordHouseholdTest, or completeTask of a door-to-door task (its id)
  task_id          bigint  references task (id),
  recorded_by      text    not null,
  recorded_subject text    not null,
  recorded_at      timestamptz not null default now()
);
create index household_test_record_household_idx on household_test_record (round_id, household_id, id);

-- Door-to-door tasks for the households a round missed: one per (round, household), the key of idempotent generation.
alter table task
  add column household_id     bigint references household (id),
  add column testing_round_id bigint references testing_round (id),
  add check (testing_round_id is null or (household_id is not null and kind = 'DOOR_TO_DOOR_TESTING'));
create unique index task_per_round_household on task (testing_round_id, household_id)
  where testing_round_id is not null;

-- The households under a unit, in the register's order (building, unit, room): the missed list pages on it.
create index household_order_idx on household (building_id, unit_label, room, id) where active;
-- Rounds listed by their unit (a grid's or building's rounds; testingRounds).
create index testing_round_unit_idx on testing_round (unit_id, on_date);
