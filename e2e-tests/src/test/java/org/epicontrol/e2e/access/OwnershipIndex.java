package org.epicontrol.e2e.access;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whose each object of the suite's data is, asked as system-admin through the API: the organisation tree (every unit
 * with its path of names), everything roster data of each community and unit hangs under, and the drafts with the
 * areas only drafts name. Keyed by GraphQL type name and id.
 */
public final class OwnershipIndex {

    private static final String UNITS = """
            { rosterAuditTrail(targetType: "OrgUnit", first: 500) { edges { node { targetId } } } }""";
    private static final String UNIT_PATH = """
            query($id: ID!) { orgUnit(id: $id) { id kind name areaId responsibilities { role volunteer { id } }
              parent { name parent { name parent { name parent { name } } } } } }""";
    private static final String COMMUNITY = """
            query($c: ID!, $from: DateTime!, $to: DateTime!) {
              community(id: $c) { volunteers(first: 500) { id } dutyPosts { id shifts(from: $from, to: $to) { id assignments { id } } }
                responses { id testingRounds { id } } }
              wishes(communityId: $c, first: 500) { edges { node { id } } }
              households(unitId: $c, first: 500) { edges { node { id building { id } } } }
              testingRounds(unitId: $c) { id }
              requests(unitId: $c, first: 500) { edges { node { id assignee { id } } } }
              registrations(communityId: $c, first: 500) { id }
              callOuts(communityId: $c) { id } }""";
    /** Roster proposals (issue 16), found by their audit events; each is its community's. */
    private static final String PROPOSALS = """
            { rosterAuditTrail(targetType: "RosterProposal", first: 500) { edges { node { targetId } } } }""";
    private static final String PROPOSAL = "query($id: ID!) { rosterProposal(id: $id) { id communityId } }";
    /** Each alert with the unit its audience is over: the community, its grid, or the district above it. */
    private static final String ALERTS = """
            query($after: String) { alerts(first: 500, after: $after) { pageInfo { hasNextPage endCursor }
              edges { node { id audience grid { id } community { id } } } } }""";
    /** The realm role of each alert audience. */
    private static final Map<String, String> AUDIENCE_ROLES = Map.of("COMMUNITY_ADMINS", "community-admin",
            "GRID_WORKERS", "grid-worker", "DISTRICT_OFFICERS", "district-officer");
    private static final String TASKS = """
            query($u: ID!) { tasks(unitId: $u, first: 500) { edges { node { id unit { id } assignee { id } } } } }""";
    /** A page at a time: the services estimate a list without {@code first} at 10 elements and bound the cost. */
    private static final String NOTICES = """
            query($after: String) { notices(first: 20, after: $after) { pageInfo { hasNextPage endCursor }
              edges { node { id status designations { id areas { id } exceptions { id } } } } } }""";
    /** An area and four above it: the services bound how deep an operation nests (7), so longer chains take turns. */
    private static final String AREA_CHAIN = "area(id: \"%s\") { id parent { id parent { id parent { id parent { id } } } } }";
    private static final int CHAINS_PER_REQUEST = 25;

    private final Map<String, Owner> owners = new HashMap<>();
    private final Map<String, List<String>> ids = new LinkedHashMap<>();
    private final Map<String, List<String>> unitPaths = new LinkedHashMap<>();
    private final Map<String, String> linkedAreas = new LinkedHashMap<>();
    /** Each volunteer's responsibilities: role (GRID_WORKER, BUILDING_CAPTAIN, ...) → the units' paths. */
    private final Map<String, Map<String, List<List<String>>>> duties = new HashMap<>();

    private OwnershipIndex() {
    }

    public static OwnershipIndex discover(GraphQLClient gateway, String systemAdmin) {
        OwnershipIndex index = new OwnershipIndex();
        Map<String, List<String>> units = index.units(gateway, systemAdmin);
        OffsetDateTime now = OffsetDateTime.now();
        for (Map.Entry<String, List<String>> unit : units.entrySet()) {
            index.tasks(gateway, systemAdmin, unit.getKey(), units);
        }
        for (String community : index.idsOf("Community")) {
            index.community(gateway.data(systemAdmin, COMMUNITY, "c", community, "from", now.minusDays(30).toString(),
                    "to", now.plusDays(30).toString()), units.get(community));
        }
        index.alerts(gateway, systemAdmin);
        index.proposals(gateway, systemAdmin);
        index.drafts(gateway, systemAdmin);
        return index;
    }

    /** An index of known owners, keyed {@code Type:id} (for tests of the judging). */
    static OwnershipIndex of(Map<String, Owner> known) {
        OwnershipIndex index = new OwnershipIndex();
        known.forEach((key, owner) -> index.put(key.substring(0, key.indexOf(':')), key.substring(key.indexOf(':') + 1), owner));
        return index;
    }

    /** The owner of object {@code type}/{@code id}; null when the index does not know it. */
    public Owner ownerOf(String type, Object id) {
        return id == null ? null : owners.get(type + ":" + id);
    }

    /** The ids of {@code type} owned by the unit (or "draft") {@code label}, in the order found. */
    public List<String> ids(String type, String label) {
        return ids.getOrDefault(type + "@" + label, List.of());
    }

    /** The ids of {@code type} whose owner is the unit {@code unitId} or a unit below it. */
    public List<String> idsUnder(String type, String unitId) {
        List<String> path = unitPaths.get(unitId);
        return idsOf(type).stream().filter(id -> owners.get(type + ":" + id).isUnder(path)).toList();
    }

    /** The notice-service areas linked to the unit {@code unitId} or a unit below it. */
    public List<String> linkedAreasUnder(String unitId) {
        List<String> path = unitPaths.get(unitId);
        return linkedAreas.entrySet().stream().filter(e -> Owner.unit(unitPaths.get(e.getKey())).isUnder(path))
                .map(Map.Entry::getValue).toList();
    }

    /** The responsibilities of the volunteer {@code volunteerId}: role → the units' paths. */
    public Map<String, List<List<String>>> dutiesOf(String volunteerId) {
        return volunteerId == null ? Map.of() : duties.getOrDefault(volunteerId, Map.of());
    }

    /** The unit's name, the last of its path. */
    public String unitName(String unitId) {
        List<String> path = unitPaths.get(unitId);
        return path.get(path.size() - 1);
    }

    /** The types the index knows objects of. */
    public List<String> types() {
        return ids.keySet().stream().filter(key -> !key.contains("@")).toList();
    }

    public List<String> idsOf(String type) {
        return ids.getOrDefault(type, List.of());
    }

    /** Every unit, found through the trail of their creation, with its path of names from the top. */
    @SuppressWarnings("unchecked")
    private Map<String, List<String>> units(GraphQLClient gateway, String systemAdmin) {
        Map<String, List<String>> units = new LinkedHashMap<>();
        for (Map<String, Object> edge : edges(gateway.data(systemAdmin, UNITS), "rosterAuditTrail")) {
            String id = (String) ((Map<String, Object>) edge.get("node")).get("targetId");
            Map<String, Object> unit = (Map<String, Object>) gateway.data(systemAdmin, UNIT_PATH, "id", id).get("orgUnit");
            if (unit == null || units.containsKey(id)) {
                continue;
            }
            List<String> path = new ArrayList<>();
            for (Map<String, Object> level = unit; level != null; level = (Map<String, Object>) level.get("parent")) {
                path.add((String) level.get("name"));
            }
            Collections.reverse(path);
            units.put(id, path);
            unitPaths.put(id, List.copyOf(path));
            if (unit.get("areaId") != null) {
                linkedAreas.put(id, (String) unit.get("areaId"));
            }
            Owner owner = Owner.unit(path);
            put("OrgUnit", id, owner);
            for (Map<String, Object> duty : (List<Map<String, Object>>) unit.get("responsibilities")) {
                String volunteer = (String) ((Map<String, Object>) duty.get("volunteer")).get("id");
                duties.computeIfAbsent(volunteer, k -> new HashMap<>())
                        .computeIfAbsent((String) duty.get("role"), k -> new ArrayList<>()).add(List.copyOf(path));
            }
            switch ((String) unit.get("kind")) {
                case "COMMUNITY" -> put("Community", id, owner);
                case "GRID" -> put("Grid", id, owner);
                default -> {
                }
            }
        }
        return units;
    }

    @SuppressWarnings("unchecked")
    private void tasks(GraphQLClient gateway, String systemAdmin, String unit, Map<String, List<String>> units) {
        for (Map<String, Object> edge : edges(gateway.data(systemAdmin, TASKS, "u", unit), "tasks")) {
            Map<String, Object> task = (Map<String, Object>) edge.get("node");
            String taskUnit = (String) ((Map<String, Object>) task.get("unit")).get("id");
            // its assignee reads it too (other tests of the run give tasks to demo volunteers)
            Map<String, Object> assignee = (Map<String, Object>) task.get("assignee");
            put("Task", (String) task.get("id"), assignee == null ? Owner.unit(units.get(taskUnit))
                    : Owner.volunteer(units.get(taskUnit), (String) assignee.get("id")));
        }
    }

    @SuppressWarnings("unchecked")
    private void community(Map<String, Object> data, List<String> path) {
        Owner owner = Owner.unit(path);
        Map<String, Object> community = (Map<String, Object>) data.get("community");
        for (Map<String, Object> volunteer : (List<Map<String, Object>>) community.get("volunteers")) {
            String id = (String) volunteer.get("id");
            put("Volunteer", id, Owner.volunteer(path, id));
        }
        List<Map<String, Object>> posts = new ArrayList<>((List<Map<String, Object>>) community.get("dutyPosts"));
        // posts with shifts first: a sample's post should have people on duty to show
        posts.sort(Comparator.comparing(post -> ((List<?>) post.get("shifts")).isEmpty()));
        for (Map<String, Object> post : posts) {
            put("DutyPost", (String) post.get("id"), owner);
            List<Map<String, Object>> shifts = new ArrayList<>((List<Map<String, Object>>) post.get("shifts"));
            shifts.sort(Comparator.comparing(shift -> ((List<?>) shift.get("assignments")).isEmpty()));
            for (Map<String, Object> shift : shifts) {
                put("Shift", (String) shift.get("id"), owner);
                for (Map<String, Object> assignment : (List<Map<String, Object>>) shift.get("assignments")) {
                    put("Assignment", (String) assignment.get("id"), owner);
                }
            }
        }
        for (Map<String, Object> edge : edges(data, "wishes")) {
            put("Wish", (String) ((Map<String, Object>) edge.get("node")).get("id"), owner);
        }
        // a response and its testing rounds belong to the community, whichever of its units answers for the area
        for (Map<String, Object> response : (List<Map<String, Object>>) community.get("responses")) {
            put("Response", (String) response.get("id"), owner);
            for (Map<String, Object> round : (List<Map<String, Object>>) response.get("testingRounds")) {
                put("TestingRound", (String) round.get("id"), owner);
            }
        }
        // issue 13: rounds created by hand, requests (their assignee reads them), registrations, call-outs are the
        // community's; a household is its building's (its grid worker and captain read it)
        for (Map<String, Object> round : (List<Map<String, Object>>) data.get("testingRounds")) {
            put("TestingRound", (String) round.get("id"), owner);
        }
        for (Map<String, Object> edge : edges(data, "households")) {
            Map<String, Object> household = (Map<String, Object>) edge.get("node");
            String building = (String) ((Map<String, Object>) household.get("building")).get("id");
            put("Household", (String) household.get("id"), Owner.unit(unitPaths.get(building)));
        }
        for (Map<String, Object> edge : edges(data, "requests")) {
            Map<String, Object> request = (Map<String, Object>) edge.get("node");
            Map<String, Object> assignee = (Map<String, Object>) request.get("assignee");
            put("ResidentRequest", (String) request.get("id"),
                    assignee == null ? owner : Owner.volunteer(path, (String) assignee.get("id")));
        }
        for (String list : List.of("registrations", "callOuts")) {
            String type = list.equals("registrations") ? "VolunteerRegistration" : "CallOut";
            for (Map<String, Object> object : (List<Map<String, Object>>) data.get(list)) {
                put(type, (String) object.get("id"), owner);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void proposals(GraphQLClient gateway, String systemAdmin) {
        for (Map<String, Object> edge : edges(gateway.data(systemAdmin, PROPOSALS), "rosterAuditTrail")) {
            String id = (String) ((Map<String, Object>) edge.get("node")).get("targetId");
            Map<String, Object> proposal = (Map<String, Object>) gateway.data(systemAdmin, PROPOSAL, "id", id)
                    .get("rosterProposal");
            List<String> path = proposal == null ? null : unitPaths.get((String) proposal.get("communityId"));
            if (path != null) {
                put("RosterProposal", id, Owner.unit(path));
            }
        }
    }

    /** Every alert, owned by its audience: the role it is for over its unit. */
    @SuppressWarnings("unchecked")
    private void alerts(GraphQLClient gateway, String systemAdmin) {
        String after = null;
        do {
            Map<String, Object> data = gateway.data(systemAdmin, ALERTS, "after", after);
            for (Map<String, Object> edge : edges(data, "alerts")) {
                Map<String, Object> alert = (Map<String, Object>) edge.get("node");
                List<String> community = unitPaths.get((String) ((Map<String, Object>) alert.get("community")).get("id"));
                Map<String, Object> grid = (Map<String, Object>) alert.get("grid");
                String audience = (String) alert.get("audience");
                List<String> unit = switch (audience) {
                    case "DISTRICT_OFFICERS" -> community.subList(0, 1);
                    case "GRID_WORKERS" -> grid == null ? community : unitPaths.get((String) grid.get("id"));
                    default -> community;
                };
                put("Alert", (String) alert.get("id"), Owner.audience(unit, AUDIENCE_ROLES.get(audience)));
            }
            Map<String, Object> page = (Map<String, Object>) ((Map<String, Object>) data.get("alerts")).get("pageInfo");
            after = Boolean.TRUE.equals(page.get("hasNextPage")) ? (String) page.get("endCursor") : null;
        } while (after != null);
    }

    /** Drafts, their designations, and the areas (with the areas above them) that no other notice names. */
    @SuppressWarnings("unchecked")
    private void drafts(GraphQLClient gateway, String systemAdmin) {
        Set<String> draftAreas = new HashSet<>();
        Set<String> otherAreas = new HashSet<>();
        for (Map<String, Object> edge : allNotices(gateway, systemAdmin)) {
            Map<String, Object> notice = (Map<String, Object>) edge.get("node");
            boolean draft = "DRAFT".equals(notice.get("status"));
            if (draft) {
                put("Notice", (String) notice.get("id"), Owner.DRAFT);
            }
            for (Map<String, Object> designation : (List<Map<String, Object>>) notice.get("designations")) {
                if (draft) {
                    put("Designation", (String) designation.get("id"), Owner.DRAFT);
                }
                for (String list : List.of("areas", "exceptions")) {
                    for (Map<String, Object> area : (List<Map<String, Object>>) designation.get(list)) {
                        (draft ? draftAreas : otherAreas).add((String) area.get("id"));
                    }
                }
            }
        }
        Set<String> drafted = withAncestors(gateway, systemAdmin, draftAreas);
        drafted.removeAll(withAncestors(gateway, systemAdmin, otherAreas));
        drafted.forEach(area -> put("Area", area, Owner.DRAFT));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> allNotices(GraphQLClient gateway, String systemAdmin) {
        List<Map<String, Object>> all = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> data = gateway.data(systemAdmin, NOTICES, "after", after);
            all.addAll(edges(data, "notices"));
            Map<String, Object> page = (Map<String, Object>) ((Map<String, Object>) data.get("notices")).get("pageInfo");
            after = Boolean.TRUE.equals(page.get("hasNextPage")) ? (String) page.get("endCursor") : null;
        } while (after != null);
        return all;
    }

    /** The areas and every area above them. */
    @SuppressWarnings("unchecked")
    private static Set<String> withAncestors(GraphQLClient gateway, String systemAdmin, Set<String> areas) {
        Set<String> found = new HashSet<>(areas);
        List<String> next = new ArrayList<>(areas);
        while (!next.isEmpty()) {
            List<String> batch = next.subList(0, Math.min(CHAINS_PER_REQUEST, next.size()));
            StringBuilder query = new StringBuilder("{");
            for (int i = 0; i < batch.size(); i++) {
                query.append(" a").append(i).append(": ").append(AREA_CHAIN.formatted(batch.get(i)));
            }
            Map<String, Object> data = gateway.data(systemAdmin, query.append(" }").toString());
            List<String> further = new ArrayList<>(next.subList(batch.size(), next.size()));
            for (Object chain : data.values()) {
                Map<String, Object> top = null;
                for (Map<String, Object> level = (Map<String, Object>) chain; level != null;
                     level = (Map<String, Object>) level.get("parent")) {
                    found.add((String) level.get("id"));
                    top = level;
                }
                // the chain ended at the depth bound, not at the top: go on from there
                if (top != null && top != chain && !top.containsKey("parent") && found.add(top.get("id") + "#")) {
                    further.add((String) top.get("id"));
                }
            }
            next = further;
        }
        found.removeIf(id -> id.endsWith("#"));
        return found;
    }

    private void put(String type, String id, Owner owner) {
        if (owners.putIfAbsent(type + ":" + id, owner) == null) {
            ids.computeIfAbsent(type, k -> new ArrayList<>()).add(id);
            ids.computeIfAbsent(type + "@" + owner.label(), k -> new ArrayList<>()).add(id);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> edges(Map<String, Object> data, String field) {
        Map<String, Object> connection = (Map<String, Object>) data.get(field);
        return connection == null ? List.of() : (List<Map<String, Object>>) connection.get("edges");
    }
}
