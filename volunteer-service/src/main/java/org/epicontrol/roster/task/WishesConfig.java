package org.epicontrol.roster.task;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.epicontrol.roster.people.VolunteerKind;

import java.util.Set;

/** {@code wishes.*}: who may claim a 微心愿. */
@ConfigMapping(prefix = "wishes")
public interface WishesConfig {

    /** A volunteer claims a wish only with one of these kinds (in the reports, party members claim them). */
    @WithDefault("PARTY_MEMBER,IN_SERVICE_PARTY_MEMBER")
    Set<VolunteerKind> claimantKinds();
}
