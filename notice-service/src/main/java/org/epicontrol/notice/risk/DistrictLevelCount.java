package org.epicontrol.notice.risk;

import org.eclipse.microprofile.graphql.NonNull;

public record DistrictLevelCount(@NonNull String district, @NonNull String level, @NonNull int areas) {
}
