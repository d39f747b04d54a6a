package org.epicontrol.notice.audit;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Query;
import org.epicontrol.common.PageRequest;
import org.epicontrol.common.audit.AuditEventConnection;
import org.epicontrol.notice.access.NoticeAccess;

import java.time.OffsetDateTime;

@GraphQLApi
public class AuditGraphQLApi {

    private final AuditStore store;
    private final NoticeAccess access;
    private final PageRequest pages;

    public AuditGraphQLApi(AuditStore store, NoticeAccess access, PageRequest pages) {
        this.store = store;
        this.access = access;
        this.pages = pages;
    }

    @Query("noticeAuditTrail")
    @Description("Who changed which notice when, newest first; from inclusive, to exclusive")
    public Uni<AuditEventConnection> noticeAuditTrail(String targetType, @Id String targetId, String actor,
                                                         OffsetDateTime from, OffsetDateTime to,
                                                         Integer first, String after) {
        access.mayReadAuditTrail();
        return store.page(new AuditFilter(targetType, targetId, actor, from, to), pages.size(first), after);
    }
}
