package org.epicontrol.notice.notice;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.notice.access.NoticeAccess;

/**
 * Four eyes made visible: who drafted a notice and who published it, as stored on the notice row. Decided at each
 * notice, whatever the path that reached it (root, nested, federation {@code _entities}): notice staff and system
 * administrators read the names, anyone else gets null with the refusal at the field.
 */
@GraphQLApi
public class NoticeAuthorsGraphQLApi {

    private final NoticeAccess access;

    public NoticeAuthorsGraphQLApi(NoticeAccess access) {
        this.access = access;
    }

    @Description("The account (username) that created or imported the draft; for notice staff and system administrators")
    public Uni<String> draftedBy(@Source Notice notice) {
        return Uni.createFrom().item(() -> {
            access.mayReadAuthors("Notice.draftedBy");
            return notice.drafter();
        });
    }

    @Description("The account (username) that published the notice, null while a draft; for notice staff and system"
            + " administrators")
    public Uni<String> publishedBy(@Source Notice notice) {
        return Uni.createFrom().item(() -> {
            access.mayReadAuthors("Notice.publishedBy");
            return notice.publisher();
        });
    }
}
