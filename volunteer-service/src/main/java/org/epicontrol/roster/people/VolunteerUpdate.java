package org.epicontrol.roster.people;

import org.eclipse.microprofile.graphql.Input;

import java.util.List;

/** What changes of a volunteer; a field left out (null) stays as it is. */
@Input("VolunteerUpdate")
public record VolunteerUpdate(String name, String phone, List<VolunteerKind> kinds, List<String> skills) {
}
