package org.epicontrol.roster.mobilisation;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Input("RegistrationInput")
public record RegistrationInput(
        @Id @NonNull String communityId,
        @NonNull String name,
        String phone,
        @NonNull RegistrationKind kind,
        @Description("双报到: the employer of an in-service party member (required for IN_SERVICE_PARTY_MEMBER)") String workUnit,
        List<String> skills) {
}
