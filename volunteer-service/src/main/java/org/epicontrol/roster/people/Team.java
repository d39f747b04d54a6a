package org.epicontrol.roster.people;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

public record Team(@Id @NonNull String id, @NonNull String name) {
}
