package org.epicontrol.notice.notice;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;
import java.util.List;

@Type("Notice")
@Key(fields = @FieldSet("id"))
@Description("A numbered notice of an epidemic-control office that designates areas")
public record Notice(
        @Id @NonNull String id,
        @NonNull String issuer,
        @NonNull int year,
        @NonNull int number,
        @NonNull LocalDate issueDate,
        @NonNull LocalDate effectiveDate,
        String title,
        String legalBasis,
        String measures,
        @NonNull NoticeStatus status,
        @NonNull MessageType messageType,
        @Description("Until this date (exclusive) the notice counted; a later correction replaced it") LocalDate supersededOn,
        @NonNull List<@NonNull NoticeWarning> warnings,
        @Description("The text as printed, when the notice was imported") String sourceText,
        @Ignore Long referencesId,
        @Ignore Long supersededById,
        @Ignore String drafter,
        @Ignore String publisher) {

    public long numericId() {
        return Long.parseLong(id);
    }
}
