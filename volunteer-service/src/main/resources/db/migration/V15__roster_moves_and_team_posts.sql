-- Issue 16, what V13 left open: moves of people already assigned (when the proposal's caller allows them) and posts
-- that ask for a team.

-- A post asking for a team: the rostering prefers people of one team on each of its shifts (soft). Teams and their
-- members are V11's (team, team_member: a person may be in several teams; a community's team takes its own
-- volunteers only).
alter table duty_post add column asks_for_team boolean not null default false;

-- Whether the caller allowed moves, and how many places of the proposal are moves.
alter table roster_proposal
  add column allow_moves boolean not null default false,
  add column places_moved int not null default 0 check (places_moved >= 0),
  add constraint roster_proposal_moves_allowed check (allow_moves or places_moved = 0);

-- A move: the place stands for an existing assignment (its person leaves) and names who comes. A move always names
-- somebody (never an open place); one assignment is moved by at most one place of a proposal.
alter table roster_proposal_place
  add column moves_assignment_id bigint references assignment (id),
  add constraint roster_proposal_place_move_names_somebody
    check (moves_assignment_id is null or (volunteer_id is not null and open_reason is null));
create unique index roster_proposal_place_move_once on roster_proposal_place (proposal_id, moves_assignment_id)
  where moves_assignment_id is not null;
