package org.epicontrol.roster.org;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("OrgImportReport")
@Description("What an organisation import did, or would do: nothing is stored unless every row is accepted")
public record OrgImportReport(
        @Description("True only when the units were written; false for a dry run or when a row was rejected")
        @NonNull boolean stored,
        @NonNull boolean dryRun,
        @Description("Data rows read, blank lines not counted") @NonNull int rows,
        @Description("Units new to the organisation (when not stored: units the accepted rows would create)")
        @NonNull OrgImportCounts created,
        @Description("Units that already existed under the same parent with the same name")
        @NonNull OrgImportCounts reused,
        @NonNull int rejectedCount,
        @Description("The rejected rows in file order, at most the first 1000")
        @NonNull List<@NonNull RejectedRow> rejected,
        @NonNull String message) {
}
