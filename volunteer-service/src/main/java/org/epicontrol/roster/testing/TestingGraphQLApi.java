package org.epicontrol.roster.testing;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.Ids;
import org.epicontrol.common.PageRequest;
import org.epicontrol.roster.access.AccessRules;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;
import org.epicontrol.roster.household.Household;
import org.epicontrol.roster.household.Households;
import org.epicontrol.roster.org.Community;
import org.epicontrol.roster.org.OrgKind;
import org.epicontrol.roster.org.OrgUnit;
import org.epicontrol.roster.org.OrgUnits;
import org.epicontrol.roster.task.Task;

import java.time.LocalDate;
import java.util.List;

/**
 * Testing rounds household by household. Rounds are read under {@link AccessRules#mayReadResponse} (their progress
 * too: counts only); the households a round lists (missed, tested) under {@link AccessRules#mayReadHousehold}, by
 * the unit listed, and again at each {@code household} field.
 */
@GraphQLApi
public class TestingGraphQLApi {

    private final TestingRounds rounds;
    private final HouseholdTests tests;
    private final RoundHouseholds roundHouseholds;
    private final MissedTasks missedTasks;
    private final Households households;
    private final OrgUnits units;
    private final PageRequest pages;
    private final RosterAccess access;

    public TestingGraphQLApi(TestingRounds rounds, HouseholdTests tests, RoundHouseholds roundHouseholds,
                             MissedTasks missedTasks, Households households, OrgUnits units, PageRequest pages,
                             RosterAccess access) {
        this.rounds = rounds;
        this.tests = tests;
        this.roundHouseholds = roundHouseholds;
        this.missedTasks = missedTasks;
        this.households = households;
        this.units = units;
        this.pages = pages;
        this.access = access;
    }

    @Query("testingRound")
    public Uni<TestingRound> testingRound(@Id @NonNull String id) {
        return Uni.createFrom().deferred(() -> access.readObject("testingRound", Target.TESTING_ROUND, Ids.parse(id))
                .chain(() -> rounds.byId(Ids.parse(id))));
    }

    @Query("testingRounds")
    @Description("The rounds testing households of a unit, by date: of the unit, of units inside it and of units"
            + " containing it")
    public Uni<List<@NonNull TestingRound>> testingRounds(@Id @NonNull String unitId, LocalDate from, LocalDate to) {
        return Uni.createFrom().deferred(() -> access.signedIn("testingRounds")
                .chain(() -> rounds.ofUnit(Ids.parse(unitId), from, to))
                .chain(found -> access.visibleAll("testingRounds", Target.TESTING_ROUND, found,
                        TestingRound::numericId)));
    }

    @Mutation("createTestingRound")
    @Description("A round created by hand for a community, grid or building; the community's administrators")
    public Uni<TestingRound> createTestingRound(@NonNull TestingRoundInput input) {
        return Uni.createFrom().deferred(() -> {
            long unitId = Ids.parse(input.unitId());
            return access.manage("createTestingRound", Target.UNIT, unitId)
                    .chain(permit -> rounds.create(input, unitId, permit));
        });
    }

    @Mutation("recordHouseholdTest")
    @Description("A household's status in a round, by its building's grid worker or captain or the community's"
            + " administrators (POSITIVE and corrections: staff only). Idempotent; a weaker status does not replace a"
            + " stronger one unless it is a correction, and every recording is kept in the history")
    public Uni<HouseholdTest> recordHouseholdTest(@Id @NonNull String roundId, @Id @NonNull String householdId,
                                                  @NonNull HouseholdTestStatus status, Integer testedCount,
                                                  String reason,
                                                  @Description("Replaces whatever stands (staff only)")
                                                  Boolean correction) {
        return Uni.createFrom().deferred(() -> {
            long round = Ids.parse(roundId);
            long household = Ids.parse(householdId);
            boolean correcting = Boolean.TRUE.equals(correction);
            Recording recording = RecordingInput.validate(round, household, status, testedCount, reason, correcting);
            return access.write("recordHouseholdTest", RosterAccess.FIELD_STAFF, Target.HOUSEHOLD, household,
                            AccessRules::mayRecordTesting)
                    .map(permit -> permit.and(Target.TESTING_ROUND, round, AccessRules::mayReadResponse))
                    .map(permit -> status == HouseholdTestStatus.POSITIVE || correcting
                            ? permit.and(Target.HOUSEHOLD, household, AccessRules::mayRecordResult) : permit)
                    .chain(permit -> tests.record(recording, permit));
        });
    }

    @Mutation("generateMissedTasks")
    @Description("One DOOR_TO_DOOR_TESTING task per household the round missed (no status, NOT_AT_HOME, REFUSED), at"
            + " its building; idempotent: answers the tasks of every missed household, new or made before")
    public Uni<List<@NonNull Task>> generateMissedTasks(@Id @NonNull String roundId) {
        return Uni.createFrom().deferred(() -> {
            long round = Ids.parse(roundId);
            return access.manage("generateMissedTasks", Target.TESTING_ROUND, round)
                    .chain(permit -> missedTasks.generate(round, permit));
        });
    }

    @Mutation("completeTestingRound")
    @Description("Marks a scheduled round as carried out; the community's administrators. Refused with"
            + " HOUSEHOLDS_MISSING (extensions.missing: how many) while a household is not accounted for")
    public Uni<TestingRound> completeTestingRound(@Id @NonNull String id) {
        return Uni.createFrom().deferred(() -> {
            long round = Ids.parse(id);
            return access.manage("completeTestingRound", Target.TESTING_ROUND, round)
                    .chain((Permit permit) -> rounds.complete(round, permit));
        });
    }

    @Description("The community, grid or building whose households the round tests")
    @NonNull
    public Uni<List<OrgUnit>> unit(@Source List<TestingRound> list) {
        return units.byIds(list.stream().map(TestingRound::unitId).toList(), null);
    }

    @NonNull
    public Uni<List<Community>> community(@Source List<TestingRound> list) {
        return units.byIds(list.stream().map(TestingRound::communityId).toList(), OrgKind.COMMUNITY)
                .map(found -> found.stream().map(u -> u == null ? null : Community.of(u)).toList());
    }

    @Description("Households, accounted for, missing, people tested; per building and unit. Counts only: whoever"
            + " reads the round reads them")
    @NonNull
    public Uni<List<RoundProgress>> progress(@Source List<TestingRound> list) {
        return roundHouseholds.progress(list);
    }

    @NonNull
    public Uni<List<OrgUnit>> building(@Source List<BuildingProgress> lines) {
        return units.byIds(lines.stream().map(BuildingProgress::buildingId).toList(), OrgKind.BUILDING);
    }

    @Description("Households to visit again: no status, NOT_AT_HOME or REFUSED (with a reason they are accounted for"
            + " but still missed), in the register's order; unitId narrows it to a grid or building under the round's"
            + " unit (a grid worker's grid, a captain's building)")
    @NonNull
    public Uni<MissedHouseholdConnection> missedHouseholds(@Source TestingRound round, @Id String unitId,
                                                           Integer first, String after) {
        return Uni.createFrom().deferred(() -> {
            Long[] under = under(round, unitId);
            int size = pages.size(first);
            return access.readHouseholds("TestingRound.missedHouseholds", under[under.length - 1])
                    .chain(() -> roundHouseholds.missed(round.numericId(), under, size, after));
        });
    }

    @Description("The statuses recorded in the round, in the register's order; unitId as for missedHouseholds")
    @NonNull
    public Uni<HouseholdTestConnection> tests(@Source TestingRound round, @Id String unitId, Integer first,
                                              String after) {
        return Uni.createFrom().deferred(() -> {
            Long[] under = under(round, unitId);
            int size = pages.size(first);
            return access.readHouseholds("TestingRound.tests", under[under.length - 1])
                    .chain(() -> roundHouseholds.tests(round.numericId(), under, size, after));
        });
    }

    @NonNull
    public Uni<List<Household>> household(@Source List<HouseholdTest> list) {
        return households.byIds(list.stream().map(HouseholdTest::householdId).toList())
                .chain(found -> access.visible("HouseholdTest.household", Target.HOUSEHOLD, found,
                        Household::numericId));
    }

    @Name("household")
    @NonNull
    public Uni<List<Household>> missedHousehold(@Source List<MissedHousehold> list) {
        return households.byIds(list.stream().map(MissedHousehold::householdId).toList())
                .chain(found -> access.visible("MissedHousehold.household", Target.HOUSEHOLD, found,
                        Household::numericId));
    }

    /** The units a list must lie under: the round's, and the narrower one asked for (checked last). */
    private static Long[] under(TestingRound round, String unitId) {
        return unitId == null ? new Long[]{round.unitId()} : new Long[]{round.unitId(), Ids.parse(unitId)};
    }
}
