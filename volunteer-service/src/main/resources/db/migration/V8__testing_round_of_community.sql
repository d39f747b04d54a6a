-- Issue 13: a testing round belongs to a community, with or without a response (rounds are also created by hand:
-- city-wide rounds, antigen self-test rounds). Its unit says whose households it covers.
alter table testing_round add column community_id bigint references org_unit (id);
update testing_round t set community_id = r.community_id from response r where r.id = t.response_id;
alter table testing_round alter column community_id set not null;
alter table testing_round alter column response_id drop not null;
-- a response's rounds are scheduled from its area; a round created by hand may name an area or only a unit
alter table testing_round alter column area_id drop not null;
create index testing_round_community_idx on testing_round (community_id, on_date);
