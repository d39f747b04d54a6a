-- Issue 16: rosters proposed by the solver for a community's open places, reviewed and applied by its admins.
create table roster_proposal (
  id             bigserial primary key,
  community_id   bigint      not null references org_unit (id),
  window_from    timestamptz not null,
  window_to      timestamptz not null,
  -- the response whose posts it was asked for, if any (a plain id: responses are Panache aggregates of their own)
  response_id    bigint,
  post_ids       bigint[]    not null default '{}',
  time_budget_ms int         not null check (time_budget_ms between 100 and 3600000),
  status         text        not null default 'QUEUED'
                   check (status in ('QUEUED', 'SOLVING', 'DONE', 'FAILED')),
  score          text,
  places_total   int         not null default 0 check (places_total >= 0),
  places_filled  int         not null default 0 check (places_filled between 0 and places_total),
  failure        text,
  created_by     text        not null,
  created_at     timestamptz not null default now(),
  finished_at    timestamptz,
  check (window_to > window_from and window_to - window_from <= interval '31 days')
);
create index roster_proposal_community_idx on roster_proposal (community_id, created_at desc);

-- One open place (a free headcount slot of a shift) and whom the proposal puts there; null: it stays open, and why.
create table roster_proposal_place (
  proposal_id    bigint not null references roster_proposal (id) on delete cascade,
  place_no       int    not null check (place_no >= 1),
  shift_id       bigint not null references shift (id),
  volunteer_id   bigint references volunteer (id),
  open_reason    text check (open_reason in ('NO_QUALIFIED_VOLUNTEER', 'ALL_QUALIFIED_UNAVAILABLE', 'ALL_QUALIFIED_BUSY',
                                              'WORKING_TIME_RULES', 'NOT_REACHED')),
  -- set once the place is applied: applying again finds it here and books nobody twice
  assignment_id  bigint references assignment (id),
  primary key (proposal_id, place_no),
  check ((volunteer_id is null) = (open_reason is not null)),
  check (assignment_id is null or volunteer_id is not null)
);
