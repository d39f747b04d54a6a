package org.epicontrol.roster.mobilisation;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.Ids;
import org.epicontrol.common.PageRequest;
import org.epicontrol.roster.access.AccessRules;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;
import org.epicontrol.roster.org.Community;
import org.epicontrol.roster.org.OrgKind;
import org.epicontrol.roster.org.OrgUnits;
import org.epicontrol.roster.people.Volunteer;
import org.epicontrol.roster.people.Volunteers;

import java.util.List;

/**
 * Registrations to volunteer (报到 / 双报到): any signed-in account registers itself, also one the realm's
 * self-registration just created (no role yet), and reads its own; the community's staff read theirs
 * ({@link AccessRules#mayReadRegistration}); its administrators approve or reject ({@link AccessRules#mayManage},
 * checked on the registration in the decision's transaction).
 */
@GraphQLApi
public class RegistrationGraphQLApi {

    private final Registrations registrations;
    private final Volunteers volunteers;
    private final OrgUnits units;
    private final RosterAccess access;
    private final PageRequest pages;

    public RegistrationGraphQLApi(Registrations registrations, Volunteers volunteers, OrgUnits units,
                                  RosterAccess access, PageRequest pages) {
        this.registrations = registrations;
        this.volunteers = volunteers;
        this.units = units;
        this.access = access;
        this.pages = pages;
    }

    @Mutation("registerAsVolunteer")
    @Description("Reports the signed-in person to a community to volunteer; any account, with or without a role."
            + " ALREADY_REGISTERED while one waits for a decision, ALREADY_VOLUNTEER once linked to a volunteer")
    public Uni<VolunteerRegistration> registerAsVolunteer(@NonNull RegistrationInput input) {
        return access.authenticated("registerAsVolunteer")
                .chain(scope -> registrations.register(input, scope.caller()));
    }

    @Mutation("withdrawRegistration")
    @Description("The registrant takes back their registration while it waits for a decision")
    public Uni<VolunteerRegistration> withdrawRegistration(@Id @NonNull String id) {
        long registration = Ids.parse(id);
        return access.authenticated("withdrawRegistration")
                .chain(scope -> registrations.withdraw(registration, scope.caller()));
    }

    @Query("myRegistrations")
    @Description("The signed-in account's own registrations, newest first")
    public Uni<List<VolunteerRegistration>> myRegistrations() {
        return access.authenticated("myRegistrations")
                .chain(scope -> registrations.ofAccount(scope.caller().subject()));
    }

    @Query("registrations")
    @Description("A community's registrations, oldest first: for its administrators and its district's officers")
    public Uni<List<VolunteerRegistration>> registrations(@Id @NonNull String communityId, RegistrationStatus status,
                                                          Integer first) {
        long community = Ids.parse(communityId);
        return access.readUnder("registrations", community, AccessRules::mayReadRegistration)
                .chain(() -> registrations.ofCommunity(community, status, pages.size(first)));
    }

    @Mutation("approveRegistration")
    @Description("The community's administrator approves: a volunteer linked to the registrant's account, and the"
            + " realm role volunteer granted in Keycloak (roleGranted once confirmed; retried until it is)")
    public Uni<VolunteerRegistration> approveRegistration(@Id @NonNull String id) {
        long registration = Ids.parse(id);
        return access.manage("approveRegistration", Target.REGISTRATION, registration)
                .chain(permit -> registrations.approve(registration, permit));
    }

    @Mutation("rejectRegistration")
    public Uni<VolunteerRegistration> rejectRegistration(@Id @NonNull String id, @NonNull String reason) {
        long registration = Ids.parse(id);
        return access.manage("rejectRegistration", Target.REGISTRATION, registration)
                .chain(permit -> registrations.reject(registration, reason, permit));
    }

    @Description("Personal data: the registrant themselves and the administrators of the community; others get null and"
            + " an error")
    public Uni<String> phone(@Source VolunteerRegistration registration) {
        return access.authenticated("VolunteerRegistration.phone").chain(scope ->
                registration.userId().equals(scope.caller().subject()) ? Uni.createFrom().item(registration.phoneNumber())
                        : access.seePhone("VolunteerRegistration.phone", 0, registration.communityId())
                                .map(ok -> registration.phoneNumber()));
    }

    public Uni<List<Community>> community(@Source List<VolunteerRegistration> list) {
        return units.byIds(list.stream().map(VolunteerRegistration::communityId).toList(), OrgKind.COMMUNITY)
                .map(found -> found.stream().map(u -> u == null ? null : Community.of(u)).toList());
    }

    @Description("The volunteer an approval created: under the volunteer rule")
    public Uni<List<Volunteer>> volunteer(@Source List<VolunteerRegistration> list) {
        List<Long> ids = list.stream().map(g -> g.volunteerId() == null ? 0L : g.volunteerId()).toList();
        return volunteers.byIds(ids)
                .chain(found -> access.visible("VolunteerRegistration.volunteer", Target.VOLUNTEER, found,
                        Volunteer::numericId));
    }
}
