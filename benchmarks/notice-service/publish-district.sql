-- The maintenance of the risk map for a notice naming a whole district (小店区: every area of the map inside it),
-- timed in a transaction that is rolled back, so the data stays as generated. The notice is written as a draft and
-- published as NoticeLifecycle does it (the feed's advisory lock first, the status, then risk_map_publish); the
-- area events are left out. Variable: :day, the notice's effective date. Prints "areas it decides on :day|wall ms|CPU ms of the backend (ticks of
-- 10 ms)|its periods".
\set ON_ERROR_STOP 1
begin;
select pg_advisory_xact_lock(7021786237475647092) \g /dev/null
insert into notice (issuer, year, number, issue_date, effective_date, status, message_type)
  values ('市疫情防控办', 2022, 900000, :'day', :'day', 'DRAFT', 'ALERT') returning id as notice_id \gset
insert into designation (notice_id, ordinal, district, item_text, level_code)
  values (:notice_id, 1, '小店区', '小店区全域', 'HIGH') returning id as designation_id \gset
insert into designation_target (designation_id, area_id, excluded)
  select :designation_id, id, false from area where district = '小店区' and depth = 0;
update notice set status = 'PUBLISHED', published_at = now() where id = :notice_id;
\ir publish-timed.sql
select (select count(*) from risk_area_level where district = '小店区' and (valid_to is null or valid_to > :'day')
          and valid_from <= :'day' and notice_id = :notice_id) || '|' || :ms || '|' || :cpu || '|'
       || (select count(*) from risk_area_level where notice_id = :notice_id);
rollback;
