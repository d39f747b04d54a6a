package org.epicontrol.roster.alert;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.Cursor;
import org.epicontrol.common.PageInfo;

import java.util.ArrayList;
import java.util.List;

/** The caller's alerts page by page (newest first, keyset cursors of service-common). */
@ApplicationScoped
public class Alerts {

    static final String CURSOR = "alert";

    private final AlertStore store;

    public Alerts(AlertStore store) {
        this.store = store;
    }

    public Uni<AlertConnection> page(Addressees to, boolean unacknowledgedOnly, int first, String after) {
        Long before = Cursor.decodeId(CURSOR, after);
        return store.page(to, unacknowledgedOnly, first, before).map(found -> {
            List<AlertConnection.Edge> edges = new ArrayList<>();
            for (Alert alert : found.subList(0, Math.min(first, found.size()))) {
                edges.add(new AlertConnection.Edge(Cursor.encode(CURSOR, String.valueOf(alert.id)),
                        AlertView.of(alert)));
            }
            return new AlertConnection(List.copyOf(edges), new PageInfo(found.size() > first,
                    edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
        });
    }
}
