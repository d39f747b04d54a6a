package org.epicontrol.roster.household;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.epicontrol.roster.org.RejectedRow;

import java.util.List;

@Type("HouseholdImportReport")
@Description("What a household import did: all rows or nothing")
public record HouseholdImportReport(
        @Description("True only when every row was accepted and stored") @NonNull boolean stored,
        @Description("Data rows read, blank lines not counted") @NonNull int rows,
        @Description("Doors new to the register (0 when nothing was stored)") @NonNull int created,
        @Description("Doors already in the register, updated (0 when nothing was stored)") @NonNull int updated,
        @Description("The rejected rows in file order, at most the first 1000") @NonNull List<@NonNull RejectedRow> rejected,
        @NonNull int rejectedCount,
        @NonNull String message) {
}
