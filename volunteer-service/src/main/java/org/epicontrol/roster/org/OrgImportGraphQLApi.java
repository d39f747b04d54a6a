package org.epicontrol.roster.org;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

@GraphQLApi
public class OrgImportGraphQLApi {

    private final OrgImporter importer;

    public OrgImportGraphQLApi(OrgImporter importer) {
        this.importer = importer;
    }

    @Mutation("importOrganisation")
    @Description("Imports an organisation from UTF-8 CSV with the header district,street,community,grid,building,"
            + " one building path per row (grid and building may be empty). All or nothing: if any row is rejected,"
            + " nothing is stored and the report lists the rejected rows. Existing units are reused, so importing"
            + " the same file again creates nothing.")
    public Uni<OrgImportReport> importOrganisation(
            @NonNull String csv,
            @Description("Report what would happen without storing anything") @DefaultValue("false") Boolean dryRun) {
        return Uni.createFrom().deferred(() -> importer.importCsv(csv, Boolean.TRUE.equals(dryRun)));
    }
}
