package org.epicontrol.roster.mobilisation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Carries out the realm-role grants that approvals recorded as pending ({@code role_granted_at} null): calls Keycloak,
 * then notes the confirmation. Run after an approval commits and by {@link RoleGrantJob}; a failure leaves the grant
 * pending for the next run. Keycloak's mapping is idempotent, so two replicas granting one role at once is harmless.
 */
@ApplicationScoped
public class RoleGrants {

    private static final Logger LOG = Logger.getLogger(RoleGrants.class);

    private final Pool pool;
    private final KeycloakAdmin keycloak;
    private final KeycloakAdminConfig keycloakConfig;
    private final MobilisationConfig config;

    public RoleGrants(Pool pool, KeycloakAdmin keycloak, KeycloakAdminConfig keycloakConfig, MobilisationConfig config) {
        this.pool = pool;
        this.keycloak = keycloak;
        this.keycloakConfig = keycloakConfig;
        this.config = config;
    }

    /** Grants the role of one approved registration if still pending; true once Keycloak confirmed it. */
    public Uni<Boolean> grant(long registrationId) {
        if (!keycloakConfig.enabled()) {
            return Uni.createFrom().item(false);
        }
        return pool.preparedQuery("select user_id from volunteer_registration where id = $1 and status = 'APPROVED'"
                        + " and role_granted_at is null")
                .execute(Tuple.of(registrationId))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(false)
                        : carryOut(registrationId, rows.iterator().next().getString("user_id")));
    }

    /** Every pending grant, oldest first, at most {@code mobilisation.grant-batch}; answers how many Keycloak confirmed. */
    public Uni<Integer> grantPending() {
        if (!keycloakConfig.enabled()) {
            return Uni.createFrom().item(0);
        }
        return pool.preparedQuery("select id, user_id from volunteer_registration where status = 'APPROVED'"
                        + " and role_granted_at is null order by id limit $1")
                .execute(Tuple.of(config.grantBatch()))
                .chain(rows -> {
                    List<Row> pending = new ArrayList<>();
                    rows.forEach(pending::add);
                    // one after another: Keycloak is asked once at a time, and a down Keycloak fails fast per grant
                    Uni<Integer> done = Uni.createFrom().item(0);
                    for (Row row : pending) {
                        long id = row.getLong("id");
                        String user = row.getString("user_id");
                        done = done.chain(count -> carryOut(id, user).map(ok -> ok ? count + 1 : count));
                    }
                    return done;
                });
    }

    private Uni<Boolean> carryOut(long registrationId, String userId) {
        return keycloak.grantRealmRole(userId, keycloakConfig.role())
                .chain(() -> pool.preparedQuery("update volunteer_registration set role_granted_at = now()"
                                + " where id = $1 and role_granted_at is null")
                        .execute(Tuple.of(registrationId)))
                .map(rows -> true)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("role %s for registration %d (user %s) not granted yet, retried later: %s",
                            keycloakConfig.role(), registrationId, userId, failure.getMessage());
                    return false;
                });
    }
}
