package org.epicontrol.gateway.access;

import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.epicontrol.gateway.GatewayConfig;
import org.jboss.logging.Logger;

/** Wires the access directives' classes into CDI: the gate and who decides {@code @policy}. */
@ApplicationScoped
public class AccessBeans {
    private static final Logger LOG = Logger.getLogger(AccessBeans.class);

    public static AccessGate gate(GatewayConfig.Authorization config, PolicyDecisions policies) {
        return new AccessGate(new AccessSettings(config.enabled(), config.dryRun(), config.errors().response(),
                config.errors().log()), policies);
    }

    /**
     * Keycloak's Authorization Services of the realm the gateway verifies tokens against, as the gateway's own
     * client (a resource server); none (every policy refused) without an OIDC server or with decider {@code none}.
     * Application-scoped: tests replace it.
     */
    @Produces
    @ApplicationScoped
    PolicyDecisions policyDecisions(Vertx vertx, GatewayConfig config,
                                    @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true")
                                    boolean oidcEnabled,
                                    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
                                    Optional<String> realmUrl,
                                    @ConfigProperty(name = "quarkus.oidc.client-id") Optional<String> clientId,
                                    @ConfigProperty(name = "quarkus.oidc.credentials.secret")
                                    Optional<String> secret) {
        GatewayConfig.Authorization.Policy policy = config.authorization().policy();
        if (!"keycloak".equals(policy.decider()) || !oidcEnabled || realmUrl.isEmpty() || clientId.isEmpty()) {
            LOG.infof("@policy: no decider (gateway.authorization.policy.decider=%s, OIDC %s): every policy refused",
                    policy.decider(), oidcEnabled && realmUrl.isPresent() ? "configured" : "off");
            return PolicyDecisions.NONE;
        }
        return KeycloakPolicyDecisions.of(vertx, realmUrl.get(), clientId.get(), secret.orElse(""),
                new PolicyDecisionCache(policy.cacheTtl(), policy.cacheSize(), Ticker.systemTicker()));
    }
}
