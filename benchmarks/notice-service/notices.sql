-- Request bodies for importNotice, one JSON per line: :count notices numbered from :first, each listing 75 areas
-- (25 new high-risk, 50 downgraded to low) in the office's newspaper layout, as in
-- dev-suite/demo/notices/taiyuan-2022-195.txt.
-- 68 items name generated areas (every tenth of those with an exception when it has parts), 7 name buildings that do
-- not exist yet, so every import also creates areas. Items are grouped by district as the office prints them.
\set ON_ERROR_STOP 1
select setseed(0.3) \g /dev/null

with notices as (
  select i, :first + i - 1 as number from generate_series(1, :count) i
),
known as (
  select n.i, a.id, a.district, a.full_name, a.kind, a.ancestor_ids[2] as compound_id,
         row_number() over (partition by n.i order by random()) as k
  from notices n
  cross join lateral (select * from area where depth > 0 and n.i > 0 order by random() limit 68) a
),
items as (
  select i, k, district,
         substr(full_name, length(district) + 1)
           || coalesce(case when k % 10 = 0 and kind <> 'UNIT' then '(' || (select c.name from area c
                                   where c.parent_id = known.id order by c.id limit 1) || '除外)' end, '') as item
  from known
  union all
  -- A building that does not exist yet in the compound of a known item.
  select known.i, 68 + k, known.district, substr(c.full_name, length(c.district) + 1) || (100 + 7 * known.i + k) || '号楼'
  from known join area c on c.id = known.compound_id
  where k <= 7
),
lists as (
  select i, k <= 25 as high, district,
         district || '(' || count(*) || '个):' || string_agg(item, ',' order by k) || '。' as line
  from items
  group by i, k <= 25, district
),
sections as (
  select i, high,
         string_agg(line, E'\n\n' order by array_position(
             array['小店区','迎泽区','杏花岭区','尖草坪区','万柏林区','晋源区','清徐县'], district)) as body
  from lists
  group by i, high
)
select json_build_object(
         'query', 'mutation($text: String!, $year: Int) { importNotice(text: $text, year: $year) '
                  || '{ created message notice { id number warnings { code message } } } }',
         'variables', json_build_object('year', 2022, 'text',
           '## 市疫情防控办发布第' || n.number || '号通告:' || E'\n\n'
           || '### 我市新增高风险区25个' || E'\n\n'
           || '本报讯(记者 刘涛)12月20日,市疫情防控办发布第' || n.number || '号通告,根据国务院联防联控机制优化疫情防控'
           || '工作二十条措施和《新型冠状病毒肺炎防控方案(第九版)》有关规定,结合当前疫情防控工作实际,经专家组研判,'
           || '即日起我市新增高风险区25个,调整为低风险区50个。新增高风险区25个,分别是:' || E'\n\n'
           || h.body || E'\n\n' || '调整为低风险区50个,分别是:' || E'\n\n' || l.body || E'\n'))
from notices n
join sections h on h.i = n.i and h.high
join sections l on l.i = n.i and not l.high
order by n.i;
