package org.epicontrol.notice.importing;

import io.smallrye.graphql.api.federation.policy.Policy;
import io.smallrye.graphql.api.federation.policy.PolicyGroup;
import io.smallrye.graphql.api.federation.policy.PolicyItem;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.epicontrol.common.security.Caller;
import org.epicontrol.notice.access.NoticeAccess;

@GraphQLApi
public class ImportGraphQLApi {

    private final NoticeImporter importer;
    private final NoticeAccess access;

    public ImportGraphQLApi(NoticeImporter importer, NoticeAccess access) {
        this.importer = importer;
        this.access = access;
    }

    @Mutation("importNotice")
    // The gateway's first gate: Keycloak Authorization Services decide permission notice:import (the roles below).
    @Policy(policies = @PolicyGroup(@PolicyItem("notice:import")))
    @Description("Imports a notice exactly as printed, as a draft with its parse and warnings for review; another"
            + " person with notice-publisher publishes it (publishNotice). Importing the same notice (issuer, year,"
            + " number) again replaces the draft with the corrected text; a published notice is never changed and"
            + " the answer says so.")
    public Uni<ImportResult> importNotice(
            @NonNull String text,
            @Description("For texts that print only month and day") Integer year,
            @Description("For texts that do not name their issuer") String issuer) {
        Caller editor = access.mayImportNotice();
        return Uni.createFrom().deferred(() -> importer.importText(text, year, issuer, editor));
    }
}
