package org.epicontrol.roster.rostering.solver;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.epicontrol.roster.availability.Availability;
import org.epicontrol.roster.shift.Qualification;
import org.epicontrol.roster.shift.WorkingTimeRules.Interval;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static org.epicontrol.roster.rostering.solver.Plans.ZONE;
import static org.epicontrol.roster.rostering.solver.Plans.at;
import static org.epicontrol.roster.rostering.solver.Plans.held;
import static org.epicontrol.roster.rostering.solver.Plans.kept;
import static org.epicontrol.roster.rostering.solver.Plans.person;
import static org.epicontrol.roster.rostering.solver.Plans.place;
import static org.epicontrol.roster.rostering.solver.Plans.teamed;

/** One test per constraint, each with a case that breaks it and one that does not. */
class RosterConstraintsTest {

    private final ConstraintVerifier<RosterConstraints, RosterPlan> verifier =
            ConstraintVerifier.build(new RosterConstraints(), RosterPlan.class, Place.class);

    @Test
    void aPersonOfAKindThePostDoesNotAllowBreaksQualification() {
        Qualification partyOnly = new Qualification("党员先锋岗", List.of("PARTY_MEMBER"), null);
        Qualification medic = new Qualification("检测点", List.of(), "医护");
        Person resident = person(1, "RESIDENT");
        Person member = person(2, "PARTY_MEMBER");
        verifier.verifyThat(RosterConstraints::qualification)
                .given(place(1, 0, 8, 12, partyOnly, resident), place(1, 1, 8, 12, partyOnly, member),
                        place(2, 2, 8, 12, medic, member))
                .penalizesBy(2);
    }

    @Test
    void aPlaceOutsideTheWeeklyWindowsOrInAnExceptionBreaksAvailability() {
        // Mondays 08:00–20:00 only, and unavailable on the second Monday
        Availability mondays = new Availability(List.of(new Availability.Window(DayOfWeek.MONDAY, LocalTime.of(8, 0),
                LocalTime.of(20, 0))), List.of(new Interval(at(7, 0), at(8, 0))), ZONE);
        Person p = new Person(1L, List.of(), List.of(), mondays, null, Set.of());
        verifier.verifyThat(RosterConstraints::availability)
                .given(place(1, 0, 8, 12, p), place(1, 0, 20, 12, p), place(1, 7, 8, 12, p))
                .penalizesBy(2);
    }

    @Test
    void anOvernightWindowCoversANightShift() {
        Availability nights = new Availability(List.of(new Availability.Window(DayOfWeek.MONDAY, LocalTime.of(20, 0),
                LocalTime.of(8, 0))), List.of(), ZONE);
        Person p = new Person(1L, List.of(), List.of(), nights, null, Set.of());
        verifier.verifyThat(RosterConstraints::availability).given(place(1, 0, 20, 12, p)).penalizesBy(0);
    }

    @Test
    void twoPlacesOfOnePersonAtOnceBreakNoOverlapAlsoBesideAKeptShift() {
        Person p = person(1);
        Person other = person(2);
        verifier.verifyThat(RosterConstraints::noOverlap)
                .given(place(1, 0, 8, 12, p), place(2, 0, 10, 4, p), kept(3, 0, 18, 4, p), place(4, 0, 8, 12, other))
                .penalizesBy(2);
    }

    @Test
    void lessThanTheCommunitysRestBetweenTwoPlacesBreaksMinimumRest() {
        Person p = person(1);
        // 08–12 and 16–20: 4 h of rest < 8; back to back (12–16 after 08–12 of another person) owes none
        verifier.verifyThat(RosterConstraints::minimumRest)
                .given(place(1, 0, 8, 4, p), place(2, 0, 16, 4, p), kept(3, 1, 6, 4, p))
                .penalizesBy(1);
    }

    @Test
    void moreThanTheCommunitysHoursInAny24hBreaksMaxHoursByTheHoursOver() {
        Person p = person(1);
        Person q = person(2);
        // p: 08–20 and 20–02 back to back: 18 h within 24 h, 6 over 12; q: 12 h, at the limit
        verifier.verifyThat(RosterConstraints::maxHoursIn24h)
                .given(place(1, 0, 8, 12, p), place(1, 0, 20, 6, p), place(2, 0, 8, 12, q))
                .penalizesBy(6);
    }

    @Test
    void anOpenPlaceCostsOneMedium() {
        verifier.verifyThat(RosterConstraints::placeLeftOpen)
                .given(place(1, 0, 8, 12, null), place(1, 0, 20, 12, null), place(1, 1, 8, 12, person(1)))
                .penalizesBy(2);
    }

    @Test
    void hoursArePenalisedSquaredPerPerson() {
        Person p = person(1);
        Person q = person(2);
        verifier.verifyThat(RosterConstraints::fairHours)
                .given(place(1, 0, 8, 12, p), place(1, 2, 8, 12, p), place(1, 4, 8, 12, q))
                .penalizesBy(24 * 24 + 12 * 12);
    }

    @Test
    void hoursOverThePreferredWeeklyMaximumArePenalised() {
        Person p = new Person(1L, List.of(), List.of(), Availability.always(ZONE), 20 * 60, Set.of());
        Person free = person(2);
        // 36 h in the first week (16 over), 12 h in the next (none over)
        verifier.verifyThat(RosterConstraints::weeklyPreference)
                .given(place(1, 0, 8, 12, p), place(1, 2, 8, 12, p), place(1, 4, 8, 12, p), place(1, 8, 8, 12, p),
                        place(1, 0, 8, 12, free), place(1, 2, 8, 12, free))
                .penalizesBy(16);
    }

    @Test
    void aPlaceAtAPostThePersonDidNotPreferIsPenalised() {
        Person p = new Person(1L, List.of(), List.of(), Availability.always(ZONE), null, Set.of(7L));
        Person any = person(2);
        verifier.verifyThat(RosterConstraints::preferredPosts)
                .given(place(7, 0, 8, 12, p), place(8, 2, 8, 12, p), place(8, 0, 8, 12, any))
                .penalizesBy(1);
    }

    @Test
    void theSamePersonAtTheSamePostOnConsecutiveDaysIsRewarded() {
        Person p = person(1);
        verifier.verifyThat(RosterConstraints::continuity)
                .given(place(1, 0, 8, 12, p), place(1, 1, 8, 12, p), place(1, 3, 8, 12, p), place(2, 4, 8, 12, p))
                .rewardsWith(1);
    }

    @Test
    void aHeldPlaceGivenToSomebodyElseIsPenalisedAsAMoveAndKeepingItsHolderIsNot() {
        Person holder = person(1);
        Person newcomer = person(2);
        verifier.verifyThat(RosterConstraints::movedAssignment)
                .given(held(1, 0, 8, 12, 501, holder, newcomer), held(1, 1, 8, 12, 502, holder, holder),
                        place(1, 2, 8, 12, newcomer))
                .penalizesBy(1);
    }

    @Test
    void aHeldPlaceWithItsHolderBreaksNoRuleBesideAKeptShiftEvenWhenTheRulesWouldRefuseItToday() {
        // on the roster already: 08–20 kept and 16–04 held, both the holder's; staying is not a break of this plan
        Person holder = person(1, "RESIDENT");
        Qualification partyOnly = new Qualification("党员先锋岗", List.of("PARTY_MEMBER"), null);
        Place held = place(2, 0, 16, 12, partyOnly, holder).holding(503);
        verifier.verifyThat(RosterConstraints::noOverlap).given(kept(1, 0, 8, 12, holder), held).penalizesBy(0);
        verifier.verifyThat(RosterConstraints::qualification).given(held).penalizesBy(0);
        // moved to somebody else of the wrong kind, it breaks qualification like any proposed place
        Place moved = place(2, 0, 16, 12, partyOnly, holder).holding(504);
        moved.setPerson(person(2, "RESIDENT"));
        verifier.verifyThat(RosterConstraints::qualification).given(moved).penalizesBy(1);
    }

    @Test
    void onAShiftOfAPostAskingForATeamEachPairSharingNoTeamIsPenalised() {
        Person a1 = teamed(1, 10L);
        Person a2 = teamed(2, 10L, 11L);
        Person b = teamed(3, 11L);
        Person loner = teamed(4);
        // shift 1 (asks): a1 + a2 share team 10; shift 2 (asks): a1, b, loner: three pairs, none sharing a team;
        // shift 3 (does not ask): a1 + loner, nothing
        verifier.verifyThat(RosterConstraints::teamKeptTogether)
                .given(place(1, 0, 8, 12, a1).askingForTeam(true), place(1, 0, 8, 12, a2).askingForTeam(true),
                        place(2, 1, 8, 12, a1).askingForTeam(true), place(2, 1, 8, 12, b).askingForTeam(true),
                        place(2, 1, 8, 12, loner).askingForTeam(true),
                        place(3, 2, 8, 12, a1), place(3, 2, 8, 12, loner))
                .penalizesBy(3);
    }

    @Test
    void twoPeopleAlreadyOnAShiftTogetherAreNotPenalisedForTheirTeams() {
        Person a = teamed(1, 10L);
        Person b = teamed(2, 11L);
        verifier.verifyThat(RosterConstraints::teamKeptTogether)
                .given(kept(1, 0, 8, 12, a).askingForTeam(true), kept(1, 0, 8, 12, b).askingForTeam(true))
                .penalizesBy(0);
    }
}
