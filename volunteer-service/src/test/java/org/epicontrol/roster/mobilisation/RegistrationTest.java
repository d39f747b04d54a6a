package org.epicontrol.roster.mobilisation;

import io.quarkus.test.junit.QuarkusTest;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.roster.task.Concurrently;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class RegistrationTest {

    private static final String MINE = "{ myRegistrations { id status community { id } } }";

    @Test
    void anAccountWithoutAnyRoleRegistersAndReadsItsOwnRegistration() {
        Town town = new Town();
        Town.Account person = Town.account("self-registered");
        Town.register(person.client(), Town.registration(town.communityA, "RESIDENT"))
                .body("errors", nullValue())
                .body("data.registerAsVolunteer.status", equalTo("PENDING"))
                .body("data.registerAsVolunteer.kind", equalTo("RESIDENT"))
                .body("data.registerAsVolunteer.skills", contains("驾驶"))
                .body("data.registerAsVolunteer.roleGranted", equalTo(false))
                .body("data.registerAsVolunteer.volunteer", nullValue());
        person.client().post(MINE)
                .body("data.myRegistrations", hasSize(1))
                .body("data.myRegistrations[0].community.id", equalTo(town.communityA));
        // somebody else's account sees none of it
        Town.account("other").client().post(MINE).body("data.myRegistrations", empty());
    }

    @Test
    void anonymousCallersCannotRegister() {
        Town town = new Town();
        Town.register(RosterFixtures.ANONYMOUS, Town.registration(town.communityA, "RESIDENT"))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        RosterFixtures.ANONYMOUS.post(MINE).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void anInServicePartyMemberNamesTheirWorkUnit() {
        Town town = new Town();
        Town.Account person = Town.account("dual");
        Map<String, Object> input = Town.registration(town.communityA, "IN_SERVICE_PARTY_MEMBER");
        input.remove("workUnit");
        Town.register(person.client(), input).body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        person.client().post(MINE).body("data.myRegistrations", empty());
        Town.register(person.client(), Town.registration(town.communityA, "IN_SERVICE_PARTY_MEMBER"))
                .body("data.registerAsVolunteer.workUnit", equalTo("太原市某银行"));
    }

    @Test
    void aSecondRegistrationWhileOneIsPendingIsRefused() {
        Town town = new Town();
        Town.Account person = Town.account("twice");
        Town.registered(person, town.communityA, "RESIDENT");
        Town.register(person.client(), Town.registration(town.communityB, "PARTY_MEMBER"))
                .body("errors[0].extensions.code", equalTo("ALREADY_REGISTERED"));
        person.client().post(MINE).body("data.myRegistrations", hasSize(1));
    }

    @Test
    void concurrentRegistrationsOfOneAccountStoreOne() throws Exception {
        Town town = new Town();
        Town.Account person = Town.account("racing");
        List<String> results = Concurrently.run(Collections.nCopies(8, () -> code(
                Town.register(person.client(), Town.registration(town.communityA, "RESIDENT")))));
        assertEquals(1, results.stream().filter("OK"::equals).count(), results.toString());
        assertEquals(7, results.stream().filter("ALREADY_REGISTERED"::equals).count(), results.toString());
        person.client().post(MINE).body("data.myRegistrations", hasSize(1));
    }

    @Test
    void approvalCreatesTheVolunteerLinkedToTheAccountWithTheRegisteredKind() {
        Town town = new Town();
        Town.Account person = Town.account("approved");
        String registration = Town.registered(person, town.communityA, "IN_SERVICE_PARTY_MEMBER");
        String volunteer = Town.approve(town.adminA, registration)
                .body("errors", nullValue())
                .body("data.approveRegistration.status", equalTo("APPROVED"))
                .body("data.approveRegistration.decidedBy", equalTo("admin-a"))
                .body("data.approveRegistration.volunteer.kinds", contains("IN_SERVICE_PARTY_MEMBER"))
                .body("data.approveRegistration.volunteer.skills", contains("驾驶"))
                // Keycloak is off in these tests: the grant stays pending (KeycloakRoleGrantTest grants it)
                .body("data.approveRegistration.roleGranted", equalTo(false))
                .extract().path("data.approveRegistration.volunteer.id");
        // the account now is that volunteer (with the role its next token carries)
        person.asVolunteer().post("{ me { id } }").body("data.me.id", equalTo(volunteer));
    }

    @Test
    void concurrentApprovalsOfOneRegistrationMakeOneVolunteer() throws Exception {
        Town town = new Town();
        Town.Account person = Town.account("approved-twice");
        String registration = Town.registered(person, town.communityA, "RESIDENT");
        List<String> results = Concurrently.run(Collections.nCopies(6, () -> code(Town.approve(town.adminA, registration))));
        assertEquals(1, results.stream().filter("OK"::equals).count(), results.toString());
        assertEquals(5, results.stream().filter("REGISTRATION_DECIDED"::equals).count(), results.toString());
        town.adminA.post("query($c: ID!) { community(id: $c) { volunteers { id } } }", Map.of("c", town.communityA))
                .body("data.community.volunteers", hasSize(1));
    }

    @Test
    void aDecidedRegistrationCannotBeDecidedAgain() {
        Town town = new Town();
        String approved = Town.registered(Town.account("a"), town.communityA, "RESIDENT");
        Town.approve(town.adminA, approved).body("errors", nullValue());
        Town.approve(town.adminA, approved).body("errors[0].extensions.code", equalTo("REGISTRATION_DECIDED"));
        reject(town, approved, "重复").body("errors[0].extensions.code", equalTo("REGISTRATION_DECIDED"));
        String rejected = Town.registered(Town.account("b"), town.communityA, "RESIDENT");
        reject(town, rejected, "不在本社区居住")
                .body("data.rejectRegistration.status", equalTo("REJECTED"))
                .body("data.rejectRegistration.reason", equalTo("不在本社区居住"));
        Town.approve(town.adminA, rejected).body("errors[0].extensions.code", equalTo("REGISTRATION_DECIDED"));
        reject(town, Town.registered(Town.account("c"), town.communityA, "RESIDENT"), " ")
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
    }

    @Test
    void anAccountLinkedToAVolunteerCannotRegisterAgain() {
        Town town = new Town();
        Town.Account person = Town.account("linked");
        Town.approve(town.adminA, Town.registered(person, town.communityA, "RESIDENT")).body("errors", nullValue());
        Town.register(person.client(), Town.registration(town.communityB, "RESIDENT"))
                .body("errors[0].extensions.code", equalTo("ALREADY_VOLUNTEER"));
        // also an account an administrator linked by hand
        Town.Account linkedByHand = Town.account("by-hand");
        RosterFixtures.linkedVolunteer(town.communityA, linkedByHand.subject());
        Town.register(linkedByHand.client(), Town.registration(town.communityA, "RESIDENT"))
                .body("errors[0].extensions.code", equalTo("ALREADY_VOLUNTEER"));
    }

    @Test
    void theAdministratorOfAnotherCommunityCannotDecideAndNothingChanges() {
        Town town = new Town();
        Town.Account person = Town.account("elsewhere");
        String registration = Town.registered(person, town.communityA, "RESIDENT");
        Town.approve(town.adminB, registration).body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("data.approveRegistration", nullValue());
        reject(town.adminB, registration, "no").body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        town.officer.post("mutation($id: ID!) { approveRegistration(id: $id) { id } }", Map.of("id", registration))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        person.client().post(MINE).body("data.myRegistrations[0].status", equalTo("PENDING"));
        person.asVolunteer().post("{ me { id } }").body("data.me", nullValue());
    }

    @Test
    void aCommunitysRegistrationsAreReadByItsStaffOnly() {
        Town town = new Town();
        String pending = Town.registered(Town.account("p"), town.communityA, "RESIDENT");
        String rejected = Town.registered(Town.account("r"), town.communityA, "PARTY_MEMBER");
        reject(town, rejected, "已迁出");
        Town.registered(Town.account("b"), town.communityB, "RESIDENT");
        String query = "query($c: ID!, $s: RegistrationStatus) { registrations(communityId: $c, status: $s) { id } }";
        town.adminA.post(query, Map.of("c", town.communityA))
                .body("data.registrations.id", contains(pending, rejected));
        town.adminA.post(query, Map.of("c", town.communityA, "s", "PENDING"))
                .body("data.registrations.id", contains(pending));
        town.officer.post(query, Map.of("c", town.communityA)).body("data.registrations", hasSize(2));
        town.adminB.post(query, Map.of("c", town.communityA)).body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("data.registrations", nullValue());
        Town.account("nosy").client().post(query, Map.of("c", town.communityA))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void theRegistrantsPhoneIsForThemselvesAndTheCommunitysAdministratorsOnly() {
        Town town = new Town();
        Town.Account person = Town.account("phone");
        Town.registered(person, town.communityA, "RESIDENT");
        person.client().post("{ myRegistrations { phone } }").body("data.myRegistrations[0].phone", equalTo("13900000000"));
        String query = "query($c: ID!) { registrations(communityId: $c) { name phone } }";
        town.adminA.post(query, Map.of("c", town.communityA)).body("data.registrations[0].phone", equalTo("13900000000"));
        town.officer.post(query, Map.of("c", town.communityA))
                .body("data.registrations[0].name", notNullValue())
                .body("data.registrations[0].phone", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void theRegistrantWithdrawsTheirOwnPendingRegistrationOnly() {
        Town town = new Town();
        Town.Account person = Town.account("withdrawing");
        String registration = Town.registered(person, town.communityA, "RESIDENT");
        String withdraw = "mutation($id: ID!) { withdrawRegistration(id: $id) { status } }";
        Town.account("stranger").client().post(withdraw, Map.of("id", registration))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        person.client().post(withdraw, Map.of("id", registration))
                .body("data.withdrawRegistration.status", equalTo("WITHDRAWN"));
        Town.approve(town.adminA, registration).body("errors[0].extensions.code", equalTo("REGISTRATION_DECIDED"));
        // withdrawn, the account may register anew
        Town.register(person.client(), Town.registration(town.communityA, "RESIDENT"))
                .body("data.registerAsVolunteer.status", equalTo("PENDING"));
    }

    @Test
    void approvalIsOnTheAuditTrail() {
        Town town = new Town();
        String registration = Town.registered(Town.account("audited"), town.communityA, "RESIDENT");
        Town.approve(town.adminA, registration);
        town.adminA.post("query($id: ID) { rosterAuditTrail(targetType: \"VolunteerRegistration\", targetId: $id)"
                        + " { edges { node { action actor } } } }", Map.of("id", registration))
                .body("data.rosterAuditTrail.edges.node.action", contains("APPROVE_REGISTRATION", "REGISTER_VOLUNTEER"))
                .body("data.rosterAuditTrail.edges[0].node.actor", notNullValue());
    }

    /** OK, or the first error's code. */
    private static String code(io.restassured.response.ValidatableResponse answer) {
        var json = answer.extract().jsonPath();
        return json.get("errors") == null ? "OK" : json.getString("errors[0].extensions.code");
    }

    private static io.restassured.response.ValidatableResponse reject(Town town, String registration, String reason) {
        return reject(town.adminA, registration, reason);
    }

    private static io.restassured.response.ValidatableResponse reject(org.epicontrol.testsupport.GraphQLClient admin,
                                                                      String registration, String reason) {
        return admin.post("mutation($id: ID!, $r: String!) { rejectRegistration(id: $id, reason: $r) { status reason } }",
                Map.of("id", registration, "r", reason));
    }
}
