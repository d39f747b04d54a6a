package org.epicontrol.notice.importing;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

@GraphQLApi
public class ImportGraphQLApi {

    private final NoticeImporter importer;

    public ImportGraphQLApi(NoticeImporter importer) {
        this.importer = importer;
    }

    @Mutation("importNotice")
    @Description("Imports a notice exactly as printed. Re-importing the same notice changes nothing and says so.")
    public Uni<ImportResult> importNotice(
            @NonNull String text,
            @Description("For texts that print only month and day") Integer year,
            @Description("For texts that do not name their issuer") String issuer) {
        return Uni.createFrom().deferred(() -> importer.importText(text, year, issuer, null));
    }
}
