-- EXPLAIN of the maintained risk map's reads on the generated data, as the service sends them (prepared, with
-- parameters), after five executions so that PostgreSQL may settle on a generic plan. Run by run.sh; output in
-- target/benchmark-notice-service/explain.txt.
\set ON_ERROR_STOP 1
prepare risk_areas(date, bigint, int, text, text) as
  select a.id, a.full_name, l.level_code, l.designation_id, l.notice_id, l.since, rl.name
  from (select l.area_id, l.level_code, l.designation_id, l.notice_id, l.since from risk_area_level l
        where l.valid_from <= $1 and (l.valid_to is null or l.valid_to > $1) and l.area_id > $2
          and l.district = $4 and l.level_code = $5
        order by l.area_id limit $3) l
  join area a on a.id = l.area_id left join risk_level rl on rl.code = l.level_code
  order by l.area_id;
prepare risk_counts(date) as
  select district, level_code, areas from risk_count
  where daterange(valid_from, valid_to) @> $1::date order by district, level_code;
prepare risk_trend(date, date, text) as
  select g.day::date as day, c.district, c.level_code, c.areas
  from generate_series($1::date, $2::date, interval '1 day') g(day)
  join risk_count c on daterange(c.valid_from, c.valid_to) @> g.day::date and ($3::text is null or c.district = $3)
  order by 1, 2, 3;
execute risk_areas('2022-06-30', 0, 51, '小店区', 'HIGH') \g /dev/null
execute risk_areas('2022-06-30', 0, 51, '小店区', 'HIGH') \g /dev/null
execute risk_areas('2022-06-30', 0, 51, '小店区', 'HIGH') \g /dev/null
execute risk_areas('2022-06-30', 0, 51, '小店区', 'HIGH') \g /dev/null
execute risk_areas('2022-06-30', 0, 51, '小店区', 'HIGH') \g /dev/null
\echo '--- riskAreas(asOf: 2022-06-30, district: 小店区, level: HIGH, first: 50)'
explain (analyze, buffers, costs off) execute risk_areas('2022-06-30', 0, 51, '小店区', 'HIGH');
\echo '--- riskCounts(asOf: 2022-06-30)'
explain (analyze, buffers, costs off) execute risk_counts('2022-06-30');
\echo '--- riskTrend(from: 2022-11-01, to: 2022-11-30)'
explain (analyze, buffers, costs off) execute risk_trend('2022-11-01', '2022-11-30', null);
\echo '--- sizes'
select format('risk_area_level %s rows, risk_count %s rows', (select count(*) from risk_area_level),
              (select count(*) from risk_count));
