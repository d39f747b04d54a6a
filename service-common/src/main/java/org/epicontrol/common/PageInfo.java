package org.epicontrol.common;

import io.smallrye.graphql.api.federation.Shareable;
import org.eclipse.microprofile.graphql.NonNull;

/** Every service pages with it, so several subgraphs resolve it: Federation 2 composition needs it shareable. */
@Shareable
public record PageInfo(@NonNull boolean hasNextPage, String endCursor) {
}
