package org.epicontrol.gateway.access;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.authorization.client.AuthorizationDeniedException;
import org.keycloak.authorization.client.AuthzClient;
import org.keycloak.authorization.client.Configuration;
import org.keycloak.representations.idm.authorization.AuthorizationRequest;
import org.keycloak.representations.idm.authorization.Permission;

/**
 * {@code @policy} decided by Keycloak Authorization Services: a policy name is a permission of the gateway's resource
 * server client, {@code resource} or {@code resource#scope} (e.g. {@code notice:publish}). All policies an operation
 * needs are asked for in one UMA request with the caller's token ({@code response_mode=permissions}: the permissions
 * granted among those asked), through the Keycloak authz client; the answers are cached per token
 * ({@link PolicyDecisionCache}). Keycloak refusing everything (403) is a decision; Keycloak not answering is
 * {@link PolicyDecision#UNAVAILABLE}, never cached, so the guarded fields are refused until it answers again.
 */
public final class KeycloakPolicyDecisions implements PolicyDecisions {
    private static final Logger LOG = Logger.getLogger(KeycloakPolicyDecisions.class);

    private final Vertx vertx;
    private final Configuration configuration;
    private final PolicyDecisionCache cache;
    private volatile AuthzClient client;

    KeycloakPolicyDecisions(Vertx vertx, Configuration configuration, PolicyDecisionCache cache) {
        this.vertx = vertx;
        this.configuration = configuration;
        this.cache = cache;
    }

    /**
     * @param realmUrl the realm's issuer URL, {@code http://host:port/realms/<realm>} (as {@code quarkus.oidc.auth-server-url})
     */
    public static KeycloakPolicyDecisions of(Vertx vertx, String realmUrl, String clientId, String secret,
                                             PolicyDecisionCache cache) {
        int at = realmUrl.indexOf("/realms/");
        if (at < 0) {
            throw new IllegalArgumentException("not a Keycloak realm URL: " + realmUrl);
        }
        String realm = realmUrl.substring(at + "/realms/".length()).replaceAll("/+$", "");
        Map<String, Object> credentials = new HashMap<>();
        credentials.put("secret", secret == null ? "" : secret);
        return new KeycloakPolicyDecisions(vertx, new Configuration(realmUrl.substring(0, at), realm, clientId,
                credentials, null), cache);
    }

    @Override
    public PolicyDecision known(Caller caller, String policy) {
        return caller.tokenHash() == null ? PolicyDecision.DENIED : cache.get(caller.tokenHash(), policy);
    }

    @Override
    public Future<Map<String, PolicyDecision>> decide(Caller caller, Set<String> policies) {
        if (caller.token() == null) {
            return Future.succeededFuture(all(policies, PolicyDecision.DENIED));
        }
        return vertx.executeBlocking(() -> {
            Map<String, PolicyDecision> decisions = ask(caller.token(), policies);
            cache.put(caller.tokenHash(), caller.expiresAt(), decisions);
            return decisions;
        }, false);
    }

    private Map<String, PolicyDecision> ask(String token, Set<String> policies) {
        AuthzClient authz;
        try {
            authz = client();
        } catch (RuntimeException e) {
            LOG.warnf("Keycloak Authorization Services cannot be reached (%s): @policy fields refused", e.getMessage());
            return all(policies, PolicyDecision.UNAVAILABLE);
        }
        AuthorizationRequest request = new AuthorizationRequest();
        for (String policy : policies) {
            PolicyName name = PolicyName.of(policy);
            if (name.scope() == null) {
                request.addPermission(name.resource());
            } else {
                request.addPermission(name.resource(), name.scope());
            }
        }
        try {
            List<Permission> granted = authz.authorization(token).getPermissions(request);
            Map<String, PolicyDecision> out = new HashMap<>();
            for (String policy : policies) {
                out.put(policy, grants(granted, PolicyName.of(policy)) ? PolicyDecision.GRANTED
                        : PolicyDecision.DENIED);
            }
            return out;
        } catch (AuthorizationDeniedException e) {
            return all(policies, PolicyDecision.DENIED);
        } catch (RuntimeException e) {
            LOG.warnf("Keycloak Authorization Services did not decide %s (%s): those fields refused", policies,
                    e.getMessage());
            return all(policies, PolicyDecision.UNAVAILABLE);
        }
    }

    private static boolean grants(List<Permission> granted, PolicyName name) {
        for (Permission p : granted) {
            if (name.resource().equals(p.getResourceName()) || name.resource().equals(p.getResourceId())) {
                if (name.scope() == null || p.getScopes() != null && p.getScopes().contains(name.scope())) {
                    return true;
                }
            }
        }
        return false;
    }

    private AuthzClient client() {
        AuthzClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = AuthzClient.create(configuration); // reads the server's UMA configuration
                    client = c;
                }
            }
        }
        return c;
    }

    private static Map<String, PolicyDecision> all(Set<String> policies, PolicyDecision d) {
        Map<String, PolicyDecision> out = new HashMap<>();
        policies.forEach(p -> out.put(p, d));
        return out;
    }

    /** {@code resource} or {@code resource#scope}. */
    record PolicyName(String resource, String scope) {
        static PolicyName of(String policy) {
            int hash = policy.indexOf('#');
            return hash < 0 ? new PolicyName(policy, null)
                    : new PolicyName(policy.substring(0, hash), policy.substring(hash + 1));
        }
    }
}
