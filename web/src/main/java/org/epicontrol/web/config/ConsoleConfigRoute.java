package org.epicontrol.web.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /config.json}: the console's {@link ConsoleConfig}, read by the page before anything else. */
@ApplicationScoped
public class ConsoleConfigRoute {
    private final String body;

    public ConsoleConfigRoute(ConsoleConfig config, ObjectMapper mapper) throws JsonProcessingException {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("keycloakUrl", config.keycloakUrl());
        json.put("realm", config.realm());
        json.put("clientId", config.clientId());
        json.put("graphqlUrl", config.graphqlUrl());
        this.body = mapper.writeValueAsString(json);
    }

    void register(@Observes Router router) {
        router.get("/config.json").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json")
                // a changed deployment takes effect on the next page load
                .putHeader("Cache-Control", "no-cache")
                .end(body));
    }
}
