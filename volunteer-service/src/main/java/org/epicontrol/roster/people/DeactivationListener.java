package org.epicontrol.roster.people;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Told inside the transaction that deactivates a volunteer, so that what other features hold of the person goes with
 * it (call-outs drop their open invitations). A failure rolls the deactivation back.
 */
public interface DeactivationListener {

    Uni<Void> deactivated(SqlClient tx, long volunteerId);
}
