package org.epicontrol.roster.mobilisation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.roster.people.DeactivationListener;

/**
 * A deactivated volunteer leaves every open call-out (invitation, answer and its sign-up links; the sign-ups
 * themselves the deactivation cancels when they have not started). Closed call-outs keep their history.
 */
@ApplicationScoped
public class CallOutDeactivation implements DeactivationListener {

    @Override
    public Uni<Void> deactivated(SqlClient tx, long volunteerId) {
        return tx.preparedQuery("delete from call_out_answer a using call_out k"
                        + " where k.id = a.call_out_id and k.status = 'OPEN' and a.volunteer_id = $1")
                .execute(Tuple.of(volunteerId))
                .replaceWithVoid();
    }
}
