#!/usr/bin/env bash
# Tries the running suite (./run-suite) as a hostile or curious caller would, one probe per class of issue 11,
# and prints what came back: time, size, error code, and whether data that should stay hidden was answered.
# It WRITES to the demo data (a draft, imported notices, an assignment attempt): run it on a throw-away suite.
#
#   benchmarks/hardening/run.sh            # against http://localhost:8080 (gateway), 8081, 8082, Keycloak 8180
#   PARSER_PROBE=0 benchmarks/hardening/run.sh   # skip the parser probe (on old code it pins a core for minutes)
set -uo pipefail
GATEWAY=${GATEWAY:-http://localhost:8080/graphql}
NOTICE=${NOTICE:-http://localhost:8081/graphql}
KEYCLOAK=${KEYCLOAK:-http://127.0.0.1:8180/realms/epidemic}
MAX_TIME=${MAX_TIME:-30}
PARSER_PROBE=${PARSER_PROBE:-1}

command -v jq >/dev/null || { echo "needs jq" >&2; exit 1; }
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"

token() {
  curl -s "$KEYCLOAK/protocol/openid-connect/token" -d grant_type=password -d client_id=epidemic-cli \
    -d username="$1" -d password=demo | jq -r .access_token
}

# gql URL TOKEN QUERY [VARIABLES-JSON] -> prints "seconds bytes" to fd 3, the body to stdout
gql() {
  local url=$1 tok=$2 query=$3 vars=${4:-{\}}
  local auth=()
  [ -n "$tok" ] && auth=(-H "Authorization: Bearer $tok")
  jq -cn --arg q "$query" --argjson v "$vars" '{query: $q, variables: $v}' |
    curl -s --max-time "$MAX_TIME" -o /tmp/hardening.body -w '%{time_total} %{size_download} %{http_code}' \
      -H 'Content-Type: application/json' "${auth[@]}" --data-binary @- "$url" > /tmp/hardening.meta
  cat /tmp/hardening.body
}

report() { # label
  read -r secs bytes status < /tmp/hardening.meta
  local code
  code=$(jq -r '[.errors[]?.extensions.code // empty] | unique | join(",")' /tmp/hardening.body 2>/dev/null)
  printf '%-58s %8.3f s %10s bytes  HTTP %s  codes: %s\n' "$1" "$secs" "$bytes" "$status" "${code:--}"
}


echo "== 1. cost: nested lists (anonymous, gateway)"
nest='id'
for level in 1 2 3; do
  nest="designations { notice { $nest } }"
  gql "$GATEWAY" "" "{ notice(id: \"1\") { $nest } }" >/dev/null; report "designations→notice ×$level"
done
gql "$NOTICE" "" "{ notice(id: \"1\") { $nest } }" >/dev/null; report "designations→notice ×3, notice-service directly"

echo "== 2. fragment bomb: N fragments, each spreading the next twice (anonymous)"
for n in 16 20 24; do
  frags="fragment F$n on Notice { number }"
  for ((i = n - 1; i >= 0; i--)); do frags="$frags fragment F$i on Notice { id ...F$((i + 1)) ...F$((i + 1)) }"; done
  gql "$GATEWAY" "" "{ notice(id: \"1\") { ...F0 } } $frags" >/dev/null; report "gateway, $n fragments ($(echo -n "$frags" | wc -c) bytes)"
  gql "$NOTICE" "" "{ notice(id: \"1\") { ...F0 } } $frags" >/dev/null; report "notice-service, $n fragments"
done

# tokens after the slow probes: they live minutes
EDITOR=$(token editor); CHIEF=$(token chief); PUBLISHER=$(token publisher); SYSADMIN=$(token sysadmin)
NANNEIHUAN=$(token admin-nanneihuan)

echo "== 4. roster data through Area.dutyPosts → shifts → assignments → volunteer"
roster='{ searchAreas(text: "书林苑") { fullName dutyPosts { name shifts(from: "2020-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z") { assignments { volunteer { name kinds skills } } } } } }'
for who in editor admin-nanneihuan admin-xijia; do
  names=$(gql "$GATEWAY" "$(token $who)" "$roster" | jq '[.. | objects | select(has("kinds")) | .name] | length')
  report "as $who: volunteer names answered = $names"
done

echo "== 5. 南内环社区's admin puts a 西贾社区 volunteer on a 南内环 shift"
# ids found as sysadmin: the street's communities, then a shift of each's posts and a 西贾 volunteer
tree=$(gql "$GATEWAY" "$SYSADMIN" '{ orgUnit(id: "2") { children { id name kind } } }')
community_id() { echo "$tree" | jq -r --arg n "$1" '.data.orgUnit.children[]? | select(.name == $n) | .id'; }
window='from: "2020-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z"'
nnh_post=$(gql "$GATEWAY" "$SYSADMIN" "{ community(id: \"$(community_id 南内环社区)\") { dutyPosts { id } } }" |
  jq -r '.data.community.dutyPosts[0].id // empty')
day=$((RANDOM % 9 + 1))
# a shift of its own on 南内环's checkpoint, created by its admin (allowed)
nnh_shift=$(gql "$GATEWAY" "$NANNEIHUAN" "mutation { createShift(postId: \"$nnh_post\", startsAt: \"2030-01-0${day}T00:00:00Z\", endsAt: \"2030-01-0${day}T08:00:00Z\") { id } }" |
  jq -r '.data.createShift.id // empty')
xijia_volunteer=$(gql "$GATEWAY" "$SYSADMIN" "{ community(id: \"$(community_id 西贾社区)\") { volunteers(first: 50) { id kinds } } }" |
  jq -r '[.data.community.volunteers[]? | select(.kinds | index("PARTY_MEMBER")) | .id] | first // empty')
if [ -n "$nnh_shift" ] && [ -n "$xijia_volunteer" ]; then
  gql "$GATEWAY" "$NANNEIHUAN" "mutation { assignVolunteer(shiftId: \"$nnh_shift\", volunteerId: \"$xijia_volunteer\") { id volunteer { name kinds } } }" |
    jq -c '{assigned: (.data.assignVolunteer != null), errors: [.errors[]?.extensions.code]}' | sed 's/^/   /'
  report "assignVolunteer across communities"
else
  echo "   no 南内环 shift (${nnh_shift:-none}) or 西贾 volunteer (${xijia_volunteer:-none}) found"
fi

echo "== 6. a draft's areas, anonymously"
draft=$(gql "$GATEWAY" "$EDITOR" 'mutation($n: Int!) { createNotice(input: { issuer: "市疫情防控办", year: 2022, number: $n, issueDate: "2022-12-01",
  designations: [{ district: "小店区", area: "探针草稿小区", level: "HIGH" }] }) { id status } }' "{\"n\": $((900 + RANDOM % 99))}")
echo "   draft: $(echo "$draft" | jq -c '.data.createNotice // .errors[0].extensions.code')"
found=$(gql "$GATEWAY" "" '{ searchAreas(text: "探针草稿小区") { id fullName } }' | jq '.data.searchAreas | length')
report "anonymous searchAreas finds the draft's area: $found"

echo "== 7. import by chief (editor and publisher), then the public map (four eyes)"
n=$((800 + RANDOM % 99))
text="市疫情防控办发布第${n}号通告
12月1日,市疫情防控办发布第${n}号通告,即日起小店区新增高风险区1个,分别是:
小店区(1个):探针导入小区。"
own=$(gql "$GATEWAY" "$CHIEF" 'mutation($t: String!) { importNotice(text: $t, year: 2022) { notice { id status } } }' \
  "$(jq -cn --arg t "$text" '{t: $t}')")
echo "$own" | jq -c '.data.importNotice.notice // .errors[0].extensions.code' | sed 's/^/   imported: /'
own_id=$(echo "$own" | jq -r '.data.importNotice.notice.id // empty')
[ -n "$own_id" ] && gql "$GATEWAY" "$CHIEF" "mutation { publishNotice(id: \"$own_id\") { status } }" |
  jq -c '{published_by_the_importer: (.data.publishNotice.status // .errors[0].extensions.code)}' | sed 's/^/   /'
level=$(gql "$GATEWAY" "" '{ riskLevel(address: "小店区探针导入小区", asOf: "2022-12-02") { designated level { code } } }' |
  jq -c '.data.riskLevel')
report "public riskLevel right after chief's import: $level"

echo "== 8. texts of other sources"
web="太原市新型冠状病毒肺炎疫情防控工作领导小组办公室关于调整风险区的通告
（2022年第${n}1号）
根据疫情防控需要,经专家研判,自11月28日起小店区新增高风险区1个,分别是:
小店区(1个):探针路6巷5、6、8号。
太原市新型冠状病毒肺炎疫情防控工作领导小组办公室
2022年11月26日"
imported=$(gql "$GATEWAY" "$EDITOR" 'mutation($t: String!) { importNotice(text: $t) { notice { id number issuer issueDate effectiveDate status designations { text areas { fullName } } warnings { code } } } }' \
  "$(jq -cn --arg t "$web" '{t: $t}')")
report "heading with the office's full name, '自11月28日起', '5、6、8号'"
echo "$imported" | jq -c '{notice: .data.importNotice.notice | (if . then {number, issuer, issueDate, effectiveDate, status, designations: [.designations[] | {text, areas: (.areas | length)}]} else null end), warnings: [.data.importNotice.notice.warnings[]?.code], errors: [.errors[]?.extensions.code]}' | sed 's/^/   /'
# a second person publishes it where imports are drafts (four eyes); on older code it is published already
id=$(echo "$imported" | jq -r '.data.importNotice.notice.id // empty')
[ -n "$id" ] && gql "$GATEWAY" "$PUBLISHER" "mutation { publishNotice(id: \"$id\") { status } }" | jq -c '{publish: (.data.publishNotice.status // .errors[0].extensions.code)}' | sed 's/^/   /'
for day in 2022-11-27 2022-11-28; do
  answer=$(gql "$GATEWAY" "" "{ riskLevel(address: \"小店区探针路6巷6号\", asOf: \"$day\") { designated level { code } notice { number } } }" | jq -c '.data.riskLevel')
  report "riskLevel of 探针路6巷6号 on $day: $answer"
done

if [ "$PARSER_PROBE" = 1 ]; then
  echo "== 3. a header with a run of 4,000 spaces (importNotice, editor); meanwhile another caller asks riskLevel"
  spaces=$(printf '%4000s' '')
  text="市疫情防控办发布第${n}2号通告${spaces}:
12月1日,市疫情防控办${spaces}发布第${n}2号通告,即日起小店区新增高风险区1个,分别是:
小店区(1个):探针空白小区。"
  (gql "$NOTICE" "$EDITOR" 'mutation($t: String!) { importNotice(text: $t, year: 2022) { notice { id } } }' \
    "$(jq -cn --arg t "$text" '{t: $t}')" >/dev/null; report "import with 4,000 spaces in the header") &
  sleep 1
  start=$(date +%s.%N)
  curl -s --max-time "$MAX_TIME" -o /dev/null -H 'Content-Type: application/json' \
    -d '{"query":"{ riskLevel(address: \"晋阳紫城4号楼10单元\", asOf: \"2022-11-30\") { level { code } } }"}' "$NOTICE"
  printf '%-58s %8.3f s\n' "another caller's riskLevel meanwhile" "$(echo "$(date +%s.%N) - $start" | bc)"
  wait
fi
