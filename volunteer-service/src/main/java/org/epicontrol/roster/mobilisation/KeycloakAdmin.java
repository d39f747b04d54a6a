package org.epicontrol.roster.mobilisation;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The two calls of Keycloak's admin REST API this service makes, over the Vert.x web client quarkus-oidc already
 * brings (no admin-client library with its RESTEasy stack for two requests): a service-account token by client
 * credentials, then the user's available realm roles and the mapping of the one to grant. Granting a role the user
 * already has is a success (idempotent).
 */
@ApplicationScoped
public class KeycloakAdmin {

    /** Keycloak answered with an error, or did not answer. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    private final KeycloakAdminConfig config;
    private final WebClient web;

    public KeycloakAdmin(Vertx vertx, KeycloakAdminConfig config) {
        this.config = config;
        this.web = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.timeout().toMillis())));
    }

    @PreDestroy
    void close() {
        web.close();
    }

    /** Maps realm role {@code role} to the user with id (token sub) {@code userId}; done if it is already mapped. */
    public Uni<Void> grantRealmRole(String userId, String role) {
        String base = config.url().orElseThrow(() -> new Unavailable("keycloak-admin.url is not set"));
        String users = base + "/admin/realms/" + path(config.realm()) + "/users/" + path(userId) + "/role-mappings/realm";
        return token(base).chain(token -> send(web.getAbs(users + "/available").bearerTokenAuthentication(token).send(),
                        "available roles of " + userId)
                .chain(available -> {
                    JsonObject wanted = find(available.bodyAsJsonArray(), role);
                    if (wanted != null) {
                        return send(web.postAbs(users).bearerTokenAuthentication(token)
                                .sendJson(new JsonArray().add(wanted)), "mapping " + role + " to " + userId)
                                .replaceWithVoid();
                    }
                    // not available: either the user has it already (done) or the realm lacks it
                    return send(web.getAbs(users).bearerTokenAuthentication(token).send(), "roles of " + userId)
                            .invoke(mapped -> {
                                if (find(mapped.bodyAsJsonArray(), role) == null) {
                                    throw new Unavailable("realm " + config.realm() + " has no role " + role);
                                }
                            })
                            .replaceWithVoid();
                }));
    }

    private Uni<String> token(String base) {
        String form = "grant_type=client_credentials&client_id=" + form(config.clientId())
                + "&client_secret=" + form(config.clientSecret().orElse(""));
        return send(web.postAbs(base + "/realms/" + path(config.realm()) + "/protocol/openid-connect/token")
                        .putHeader("content-type", "application/x-www-form-urlencoded")
                        .sendBuffer(Buffer.buffer(form)), "service-account token")
                .map(response -> response.bodyAsJsonObject().getString("access_token"));
    }

    private Uni<HttpResponse<Buffer>> send(Uni<HttpResponse<Buffer>> request, String what) {
        return request
                .ifNoItem().after(config.timeout()).failWith(() -> new Unavailable(what + ": no answer within " + config.timeout()))
                .onFailure(e -> !(e instanceof Unavailable))
                .transform(e -> new Unavailable(what + ": " + (e.getMessage() == null ? e.toString() : e.getMessage())))
                .invoke(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new Unavailable(what + ": HTTP " + response.statusCode() + " " + response.bodyAsString());
                    }
                });
    }

    private static JsonObject find(JsonArray roles, String name) {
        for (int i = 0; roles != null && i < roles.size(); i++) {
            JsonObject role = roles.getJsonObject(i);
            if (name.equals(role.getString("name"))) {
                return role;
            }
        }
        return null;
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
