package org.epicontrol.e2e.access;

import io.restassured.path.json.JsonPath;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Every caller the walk asks as: anonymous, and each user of the realm file with the roles and groups it gives them,
 * linked to their volunteer record when {@code me} answers one, with that volunteer's responsibilities.
 */
public final class DemoCallers {

    private DemoCallers() {
    }

    public static List<Caller> load(Path realmFile, GraphQLClient gateway, OwnershipIndex index) {
        List<Caller> callers = new ArrayList<>(List.of(Caller.ANONYMOUS));
        List<Map<String, Object>> users = JsonPath.from(realmFile.toFile()).getList("users");
        for (Map<String, Object> user : users) {
            if (user.get("serviceAccountClientId") != null) {
                continue; // a client's service account (volunteer-service's, for Keycloak's admin API): nobody signs in as it
            }
            @SuppressWarnings("unchecked")
            List<String> groups = (List<String>) user.getOrDefault("groups", List.of());
            @SuppressWarnings("unchecked")
            List<String> roles = (List<String>) user.getOrDefault("realmRoles", List.of());
            Caller caller = new Caller((String) user.get("username"), new HashSet<>(roles),
                    groups.stream().map(g -> Arrays.stream(g.split("/")).filter(s -> !s.isEmpty()).toList()).toList(), null);
            String volunteer = linkedVolunteer(gateway, caller.username());
            callers.add(caller.withVolunteer(volunteer).withDuties(index.dutiesOf(volunteer)));
        }
        return callers;
    }

    /** The id of the volunteer record linked to the account, or null (staff without one are refused {@code me}). */
    @SuppressWarnings("unchecked")
    private static String linkedVolunteer(GraphQLClient gateway, String username) {
        Map<String, Object> data = (Map<String, Object>) gateway.send(username, "{ me { id } }", Map.of()).get("data");
        Map<String, Object> me = data == null ? null : (Map<String, Object>) data.get("me");
        return me == null ? null : (String) me.get("id");
    }
}
