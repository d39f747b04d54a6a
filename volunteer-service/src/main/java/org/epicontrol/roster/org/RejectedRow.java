package org.epicontrol.roster.org;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("RejectedRow")
@Description("A row of an imported file that cannot be stored, with the line it starts on (the header is line 1)")
public record RejectedRow(
        @NonNull int line,
        @NonNull String reason,
        @Description("The row as it was read, shortened to 200 characters") @NonNull String text) {
}
