package org.epicontrol.notice.notice;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;
import java.util.List;

@Input("NoticeInput")
@Description("A notice entered through a form; it is stored as a draft")
public record NoticeInput(
        @NonNull String issuer,
        @NonNull int year,
        @NonNull int number,
        @NonNull LocalDate issueDate,
        @Description("Defaults to the issue date") LocalDate effectiveDate,
        String title,
        String legalBasis,
        String measures,
        @DefaultValue("ALERT") MessageType messageType,
        @Description("The notice this one updates or cancels") @Id String references,
        List<@NonNull DesignationInput> designations) {

    @Input("DesignationInput")
    public record DesignationInput(
            String district,
            @Description("The area as it would be printed, e.g. 翠竹小院(C座1单元除外)") @NonNull String area,
            @Description("A level code, e.g. HIGH") @NonNull String level) {
    }
}
