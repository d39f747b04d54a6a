package org.epicontrol.notice.importing;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.epicontrol.notice.notice.Notice;

public record ImportResult(
        @NonNull Notice notice,
        @Description("False when the same notice (issuer, year, number) was already stored; nothing changed then") @NonNull boolean created,
        @NonNull String message) {
}
