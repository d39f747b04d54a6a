package org.epicontrol.common;

import org.eclipse.microprofile.graphql.NonNull;

public record PageInfo(@NonNull boolean hasNextPage, String endCursor) {
}
