// Adds benchmark data through the services' GraphQL APIs (on top of the dev-suite demo data): for every area that
// the deep query reaches (the designations of the newest notices) a grid linked to the area with a responsible
// worker, a checkpoint post at the area and a 12 h shift under way now with two volunteers signed up.
// usage: SEED_TOKEN=<access token> node seed.mjs NOTICE_URL VOLUNTEER_URL NOTICES
// SEED_TOKEN: a system administrator's token of the suite's Keycloak (roster work is staff work); sent with every call.
const [noticeUrl, volunteerUrl, first] = process.argv.slice(2);
const token = process.env.SEED_TOKEN;

async function gql(url, query, variables = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  const body = await res.json();
  if (body.errors?.length) throw new Error(`${url}: ${JSON.stringify(body.errors)} for ${query}`);
  return body.data;
}

const areas = new Map();
const notices = await gql(noticeUrl, `query($n: Int) { notices(first: $n) { edges { node { designations { areas { id fullName } } } } } }`,
  { n: Number(first) });
for (const e of notices.notices.edges) for (const d of e.node.designations ?? []) for (const a of d.areas ?? []) areas.set(a.id, a.fullName);

const unit = async (kind, name, parentId, areaId) =>
  (await gql(volunteerUrl, `mutation($k: OrgKind!, $n: String!, $p: ID, $a: ID) { createOrgUnit(kind: $k, name: $n, parentId: $p, areaId: $a) { id } }`,
    { k: kind, n: name, p: parentId, a: areaId })).createOrgUnit.id;
const district = await unit("DISTRICT", "基准区", null, null);
const street = await unit("STREET", "基准街道", district, null);
const community = await unit("COMMUNITY", "基准社区", street, null);
const volunteer = async (name, kind) =>
  (await gql(volunteerUrl, `mutation($in: VolunteerInput!) { createVolunteer(input: $in) { id } }`,
    { in: { name, communityId: community, kinds: [kind] } })).createVolunteer.id;

// One shift of 12 h that started an hour ago (whole hour), so the people on duty stay the same during the run.
const start = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000);
const end = new Date(start.getTime() + 12 * 3_600_000);
let i = 0;
for (const [areaId, fullName] of areas) {
  const existing = await gql(volunteerUrl, `query { _entities(representations: [{__typename: "Area", id: ${JSON.stringify(areaId)}}]) { ... on Area { dutyPosts { id } } } }`);
  if (existing._entities[0]?.dutyPosts?.length) continue; // the dev-suite demo already covers it
  i++;
  const grid = await unit("GRID", `${fullName}网格`, community, areaId);
  const worker = await volunteer(`网格员${i}`, "GRID_WORKER");
  await gql(volunteerUrl, `mutation($u: ID!, $v: ID!) { assignResponsibility(unitId: $u, volunteerId: $v) { id } }`, { u: grid, v: worker });
  const post = (await gql(volunteerUrl, `mutation($in: DutyPostInput!) { createDutyPost(input: $in) { id } }`,
    { in: { communityId: community, name: `${fullName}卡口`, kind: "CHECKPOINT", requiredHeadcount: 2, allowedKinds: [], aroundTheClock: false, areaId } })).createDutyPost.id;
  const shift = (await gql(volunteerUrl, `mutation($p: ID!, $s: DateTime!, $e: DateTime!) { createShift(postId: $p, startsAt: $s, endsAt: $e) { id } }`,
    { p: post, s: start.toISOString(), e: end.toISOString() })).createShift.id;
  for (const [name, kind] of [[`党员${i}`, "PARTY_MEMBER"], [`退役军人${i}`, "VETERAN"]]) {
    await gql(volunteerUrl, `mutation($s: ID!, $v: ID!) { signUp(shiftId: $s, volunteerId: $v) { id } }`, { s: shift, v: await volunteer(name, kind) });
  }
}
console.log(`seeded ${i} areas (of ${areas.size} reached by the deep query): grid, worker, post, shift now with 2 volunteers each; shift ends ${end.toISOString()}`);
