package org.epicontrol.roster.alert;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.roster.org.OrgKind;
import org.epicontrol.roster.org.OrgUnit;
import org.epicontrol.roster.org.OrgUnits;
import org.epicontrol.roster.response.ResponseListener;
import org.epicontrol.roster.response.ResponseNotice;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * Tells the people responsible when a response opens or closes: the grid workers of the response's grid (of every
 * grid of the community when the area's unit is above grid level) and the community's administrators, one alert per
 * audience. Idempotent per (response, change): told twice, the second call adds nothing (unique index).
 */
@ApplicationScoped
public class AlertsOnResponses implements ResponseListener {

    private final OrgUnits units;
    private final AlertStore store;

    public AlertsOnResponses(OrgUnits units, AlertStore store) {
        this.units = units;
        this.store = store;
    }

    @Override
    public Uni<Void> opened(ResponseNotice response) {
        return raise(response, AlertKind.RESPONSE_OPENED, AlertMessages::opened);
    }

    @Override
    public Uni<Void> closed(ResponseNotice response) {
        return raise(response, AlertKind.RESPONSE_CLOSED, AlertMessages::closed);
    }

    private Uni<Void> raise(ResponseNotice response, AlertKind kind, Function<ResponseNotice, String> words) {
        return units.byId(response.communityId(), OrgKind.COMMUNITY).chain(community -> {
            String message = words.apply(response);
            OffsetDateTime now = Alert.stamp(OffsetDateTime.now());
            long gridWorkersOf = response.gridId() != null ? response.gridId() : response.communityId();
            List<Alert> alerts = List.of(
                    alert(response, community, kind, Audience.GRID_WORKERS, gridWorkersOf, message, now),
                    alert(response, community, kind, Audience.COMMUNITY_ADMINS, response.communityId(), message, now));
            return store.raiseOnce(response.responseId(), kind, alerts);
        }).replaceWithVoid();
    }

    private static Alert alert(ResponseNotice response, OrgUnit community, AlertKind kind, Audience audience,
                               long unit, String message, OffsetDateTime now) {
        Alert alert = new Alert();
        alert.kind = kind;
        alert.audience = audience;
        alert.audienceUnitId = unit;
        alert.communityId = response.communityId();
        alert.gridId = response.gridId();
        // a community's path starts at its district (the root of the organisation tree)
        alert.districtId = community.pathIds().get(0);
        alert.responseId = response.responseId();
        alert.areaId = response.areaId();
        alert.areaName = response.areaName();
        alert.level = response.level();
        alert.message = message;
        alert.createdAt = now;
        return alert;
    }
}
