package org.epicontrol.roster.rostering;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("RefusedPlace")
public record RefusedPlace(@Id @NonNull String placeId, @NonNull String code, @NonNull String message) {
}
