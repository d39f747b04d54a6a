package org.epicontrol.roster.alert;

import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.Ids;
import org.epicontrol.common.PageRequest;
import org.epicontrol.roster.access.AccessRules;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.org.Community;
import org.epicontrol.roster.org.Grid;
import org.epicontrol.roster.org.OrgKind;
import org.epicontrol.roster.org.OrgUnits;

import java.time.OffsetDateTime;
import java.util.List;

@GraphQLApi
public class AlertGraphQLApi {

    private final Alerts alerts;
    private final AlertStore store;
    private final AlertBroadcast broadcast;
    private final CallerAddressees addressees;
    private final OrgUnits units;
    private final PageRequest pages;
    private final RosterAccess access;

    public AlertGraphQLApi(Alerts alerts, AlertStore store, AlertBroadcast broadcast, CallerAddressees addressees,
                           OrgUnits units, PageRequest pages, RosterAccess access) {
        this.alerts = alerts;
        this.store = store;
        this.broadcast = broadcast;
        this.addressees = addressees;
        this.units = units;
        this.pages = pages;
        this.access = access;
    }

    @Query("alerts")
    @Description("The alerts addressed to you (a system administrator: all of them), newest first")
    public Uni<@NonNull AlertConnection> alerts(@DefaultValue("false") Boolean unacknowledgedOnly, Integer first,
                                                String after) {
        return Uni.createFrom().deferred(() -> {
            int size = pages.size(first);
            return addressees.of("alerts")
                    .chain(to -> alerts.page(to, Boolean.TRUE.equals(unacknowledgedOnly), size, after));
        });
    }

    @Mutation("acknowledgeAlert")
    @Description("Acknowledges an alert addressed to you. The first acknowledgement stands; a later one changes nothing"
            + " and answers who acknowledged it and when")
    public Uni<@NonNull AlertView> acknowledgeAlert(@Id @NonNull String id) {
        return Uni.createFrom().deferred(() -> {
            long alertId = Ids.parse(id);
            return addressees.of("acknowledgeAlert")
                    .chain(who -> store.acknowledge(alertId, who, OffsetDateTime.now()))
                    .map(AlertView::of);
        });
    }

    @Subscription("alertRaised")
    @Description("Each alert addressed to you as it is raised (who you are is read from your token when you subscribe)")
    public Multi<AlertView> alertRaised() {
        // resolved now, inside the subscribing request, not when the stream is first pulled
        Uni<Addressees> subscriber = addressees.of("alertRaised").memoize().indefinitely();
        return Multi.createFrom().uni(subscriber).onItem().transformToMultiAndConcatenate(to ->
                broadcast.raised().filter(to::include).map(AlertView::of));
    }

    @Description("The grid whose grid workers it is for, if the response's area lies in one")
    public Uni<List<Grid>> grid(@Source List<AlertView> list) {
        return units.byIds(list.stream().map(a -> a.gridId() == null ? 0L : a.gridId()).toList(), OrgKind.GRID)
                .map(found -> found.stream().map(u -> u == null ? null : Grid.of(u)).toList());
    }

    @Description("The community of the response")
    public Uni<List<@NonNull Community>> community(@Source List<AlertView> list) {
        return units.byIds(list.stream().map(AlertView::communityId).toList(), OrgKind.COMMUNITY)
                .map(found -> found.stream().map(u -> u == null ? null : Community.of(u)).toList());
    }

    @Description("On an escalation: the alert nobody acknowledged in time (shown to its own audience only)")
    public Uni<List<AlertView>> escalationOf(@Source List<AlertView> list) {
        return addressees.of("Alert.escalationOf").chain(to -> store.byIds(list.stream()
                        .map(AlertView::escalationOfId).toList())
                .map(found -> AccessRules.visibleAlerts("Alert.escalationOf", to.scope(), to.over(),
                        found.stream().map(a -> a == null ? null : AlertView.of(a)).toList(),
                        view -> view.audience().role(), AlertView::audienceUnitId)));
    }
}
