package org.epicontrol.notice.notice;

import org.eclipse.microprofile.graphql.NonNull;

/** An inconsistency in a published notice, kept rather than fixed: the notice is a legal fact as printed. */
public record NoticeWarning(@NonNull String code, @NonNull String message) {
}
