package org.epicontrol.notice.importing;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.epicontrol.notice.notice.Notice;

/** What an import did: created a draft, replaced a draft, or — neither — changed nothing and says why. */
public record ImportResult(
        @NonNull Notice notice,
        @Description("True when the notice was new and is now stored as a draft") @NonNull boolean created,
        @Description("True when the text replaced the draft of the same notice (issuer, year, number)") @NonNull boolean replaced,
        @NonNull String message) {
}
