package org.epicontrol.notice.notice;

import org.eclipse.microprofile.graphql.NonNull;

public record DistrictCount(String district, @NonNull String level, @NonNull int count) {
}
