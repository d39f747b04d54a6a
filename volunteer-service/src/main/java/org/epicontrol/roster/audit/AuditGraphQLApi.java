package org.epicontrol.roster.audit;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Query;
import org.epicontrol.common.PageRequest;
import org.epicontrol.common.audit.AuditEventConnection;
import org.epicontrol.roster.access.RosterAccess;

import java.time.OffsetDateTime;

@GraphQLApi
public class AuditGraphQLApi {

    private final AuditTrail trail;
    private final RosterAccess access;
    private final PageRequest pages;

    public AuditGraphQLApi(AuditTrail trail, RosterAccess access, PageRequest pages) {
        this.trail = trail;
        this.access = access;
        this.pages = pages;
    }

    @Query("rosterAuditTrail")
    @Description("Who changed what, newest first: everything for a system administrator, the events of their own"
            + " community or district for its administrators and officers")
    public Uni<AuditEventConnection> rosterAuditTrail(String targetType, @Id String targetId, String actor,
                                                OffsetDateTime from, OffsetDateTime to, Integer first, String after) {
        return access.auditScope("rosterAuditTrail").chain(units -> trail.list(
                new AuditTrail.Filter(targetType, targetId, actor, from, to, units), pages.size(first), after));
    }
}
