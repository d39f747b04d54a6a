package org.epicontrol.e2e.access;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The argument values of the walk: one sample per community of the organisation (an id of each type of its data,
 * its area, its post with shifts) and one of the draft notice; defaults for slices, dates and time windows.
 */
public final class AccessSamples {

    /** Small slices keep the answers small; a list's first elements are enough to show a leak of its kind. */
    private static final int SLICE = 5;
    private static final String AREA = "query($id: ID!) { area(id: $id) { name fullName } }";
    private static final String PUBLISHED = "{ notices(first: 1) { edges { node { id } } } }";

    private AccessSamples() {
    }

    public static ArgumentProviders build(OwnershipIndex index, GraphQLClient gateway, String systemAdmin) {
        OffsetDateTime now = OffsetDateTime.now();
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("first", SLICE);
        // around now, where the demo's rosters have people on duty
        defaults.put("from:DateTime", now.minusDays(1).toString());
        defaults.put("to:DateTime", now.plusDays(2).toString());
        defaults.put("at:DateTime", now.toString());
        // the demo notices' time (Taiyuan, late 2022)
        defaults.put("from:Date", "2022-11-01");
        defaults.put("to:Date", "2022-12-31");
        defaults.put("asOf:Date", "2022-12-01");
        defaults.put("id@Notice", firstId(gateway.data(null, PUBLISHED)));

        List<ArgumentProviders.Sample> samples = new ArrayList<>();
        for (String community : index.idsOf("Community")) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String type : index.types()) {
                index.idsUnder(type, community).stream().findFirst().ifPresent(id -> values.put("id@" + type, id));
            }
            values.put("community", community);
            values.put("communityId", community);
            values.put("unitId", index.idsUnder("Grid", community).stream().findFirst().orElse(community));
            index.idsUnder("DutyPost", community).stream().findFirst().ifPresent(post -> values.put("postId", post));
            index.idsUnder("Volunteer", community).stream().findFirst().ifPresent(v -> values.put("volunteerId", v));
            index.linkedAreasUnder(community).stream().findFirst()
                    .ifPresent(area -> putArea(values, area, gateway, systemAdmin));
            samples.add(new ArgumentProviders.Sample(index.unitName(community), values));
        }
        Map<String, Object> draft = new LinkedHashMap<>();
        index.ids("Notice", Owner.DRAFT.label()).stream().findFirst().ifPresent(id -> draft.put("id@Notice", id));
        index.ids("Area", Owner.DRAFT.label()).stream().findFirst().ifPresent(id -> putArea(draft, id, gateway, systemAdmin));
        draft.put("status:NoticeStatus", "DRAFT");
        samples.add(new ArgumentProviders.Sample(Owner.DRAFT.label(), draft));
        return new ArgumentProviders(defaults, samples);
    }

    /** The area by id, and its name and full name for the fields that find areas by text. */
    @SuppressWarnings("unchecked")
    private static void putArea(Map<String, Object> values, String area, GraphQLClient gateway, String systemAdmin) {
        Map<String, Object> found = (Map<String, Object>) gateway.data(systemAdmin, AREA, "id", area).get("area");
        values.put("id@Area", area);
        values.put("text", found.get("name"));
        values.put("address", found.get("fullName"));
    }

    @SuppressWarnings("unchecked")
    private static String firstId(Map<String, Object> data) {
        List<Map<String, Object>> edges = (List<Map<String, Object>>) ((Map<String, Object>) data.get("notices")).get("edges");
        return (String) ((Map<String, Object>) edges.get(0).get("node")).get("id");
    }
}
