package org.epicontrol.notice.notice;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One item of a notice's list: an area text and the level it gets")
public record Designation(
        @Id @NonNull String id,
        @Description("Position in the notice, from 1") @NonNull int ordinal,
        String district,
        @Description("The item exactly as printed, line breaks repaired") @NonNull String text,
        String action,
        @Ignore String levelCode,
        @Ignore long noticeId) {
}
