package org.epicontrol.roster.org;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.epicontrol.roster.access.RosterAccess;

@GraphQLApi
public class OrgImportGraphQLApi {

    private final OrgImporter importer;
    private final RosterAccess access;

    public OrgImportGraphQLApi(OrgImporter importer, RosterAccess access) {
        this.importer = importer;
        this.access = access;
    }

    // The city's tree is the system administrators' (a district officer reads, per the contract); see RosterAccess.
    @Mutation("importOrganisation")
    @Description("Imports an organisation from UTF-8 CSV with the header district,street,community,grid,building,"
            + " one building path per row (grid and building may be empty). All or nothing: if any row is rejected,"
            + " nothing is stored and the report lists the rejected rows. Existing units are reused, so importing"
            + " the same file again creates nothing.")
    public Uni<OrgImportReport> importOrganisation(
            @NonNull String csv,
            @Description("Report what would happen without storing anything") @DefaultValue("false") Boolean dryRun) {
        return access.organise("importOrganisation")
                .chain(permit -> importer.importCsv(csv, Boolean.TRUE.equals(dryRun), permit.actor()));
    }
}
