package org.epicontrol.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.epicontrol.testsupport.KeycloakServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

/**
 * The role policies of a client's Authorization Services, changed as an operator changes them in the admin console:
 * through Keycloak's admin REST API ({@code /admin/realms/<realm>/clients/<id>/authz/resource-server/policy/role}).
 */
final class KeycloakPolicies {
    private final KeycloakServer keycloak;
    private final String policies;

    KeycloakPolicies(KeycloakServer keycloak, String realm, String clientId) {
        this.keycloak = keycloak;
        String clients = keycloak.url() + "/admin/realms/" + realm + "/clients";
        String id = admin().queryParam("clientId", clientId).get(clients).then().statusCode(200)
                .extract().jsonPath().getString("[0].id");
        this.policies = clients + "/" + id + "/authz/resource-server/policy";
        this.realmRoles = keycloak.url() + "/admin/realms/" + realm + "/roles-by-id/";
        this.rolesByName = keycloak.url() + "/admin/realms/" + realm + "/roles/";
    }

    private final String realmRoles;
    private final String rolesByName;

    /** The realm roles a role policy names. */
    List<String> roles(String policyName) {
        JsonPath policy = admin().get(policies + "/role/" + policyId(policyName)).then().statusCode(200)
                .extract().jsonPath();
        List<String> names = new ArrayList<>();
        for (String roleId : policy.<String>getList("roles.id")) {
            names.add(admin().get(realmRoles + roleId).then().statusCode(200).extract().jsonPath().getString("name"));
        }
        return names;
    }

    /** Makes the role policy name exactly these realm roles (by name). */
    void setRoles(String policyName, List<String> roleNames) {
        String id = policyId(policyName);
        Map<String, Object> policy = admin().get(policies + "/role/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("");
        policy.put("roles", roleNames.stream().map(r -> Map.of("id", roleId(r), "required", false)).toList());
        admin().contentType(ContentType.JSON).body(policy).put(policies + "/role/" + id).then()
                .statusCode(both(greaterThanOrEqualTo(200)).and(lessThan(300)));
    }

    private String roleId(String name) {
        return admin().get(rolesByName + name).then().statusCode(200).extract().jsonPath().getString("id");
    }

    private String policyId(String name) {
        String id = admin().queryParam("name", name).get(policies + "/search").then().statusCode(200)
                .extract().jsonPath().getString("id");
        if (id == null) {
            throw new IllegalStateException("no policy named " + name);
        }
        return id;
    }

    private io.restassured.specification.RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + keycloak.adminToken());
    }
}
