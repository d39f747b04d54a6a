package org.epicontrol.notice.rules;

import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;

public record CaseReport(@NonNull String areaId, @NonNull LocalDate date, @NonNull int newCases) {
}
