package org.epicontrol.roster.testing;

import org.junit.jupiter.api.Test;

import static org.epicontrol.roster.testing.HouseholdTestStatus.ISOLATED;
import static org.epicontrol.roster.testing.HouseholdTestStatus.NOT_AT_HOME;
import static org.epicontrol.roster.testing.HouseholdTestStatus.POSITIVE;
import static org.epicontrol.roster.testing.HouseholdTestStatus.REFUSED;
import static org.epicontrol.roster.testing.HouseholdTestStatus.TESTED;
import static org.epicontrol.roster.testing.Precedence.Decision.APPLY;
import static org.epicontrol.roster.testing.Precedence.Decision.KEEP;
import static org.epicontrol.roster.testing.Precedence.Decision.SAME;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The table of Precedence, every status against every other (no database: the rule alone). */
class PrecedenceTest {

    @Test
    void anythingStandsWhereNothingWasRecorded() {
        for (HouseholdTestStatus status : HouseholdTestStatus.values()) {
            assertEquals(APPLY, Precedence.decide(null, recording(status, null, Precedence.Mode.RECORD)));
        }
    }

    @Test
    void aRecordingStandsWhenItIsAtLeastAsStrongAsWhatStands() {
        HouseholdTestStatus[] all = HouseholdTestStatus.values();
        for (HouseholdTestStatus before : all) {
            for (HouseholdTestStatus after : all) {
                for (String reason : new String[]{null, "理由"}) {
                    HouseholdTest standing = standing(before, before.needsReason() ? "原因" : null);
                    Recording incoming = recording(after, after.needsReason() ? "理由" : reason, Precedence.Mode.RECORD);
                    int was = Precedence.strength(before, standing.reason() != null);
                    int is = Precedence.strength(after, incoming.reason() != null);
                    boolean same = before == after && java.util.Objects.equals(standing.reason(), incoming.reason());
                    assertEquals(same ? SAME : is >= was ? APPLY : KEEP, Precedence.decide(standing, incoming),
                            before + " then " + after + " " + incoming.reason());
                }
            }
        }
    }

    @Test
    void strengthRisesFromAnUnexplainedAttemptToAPositiveResult() {
        assertEquals(1, Precedence.strength(NOT_AT_HOME, false));
        assertEquals(1, Precedence.strength(REFUSED, false));
        assertEquals(2, Precedence.strength(NOT_AT_HOME, true));
        assertEquals(3, Precedence.strength(TESTED, false));
        assertEquals(3, Precedence.strength(ISOLATED, true));
        assertEquals(4, Precedence.strength(POSITIVE, false));
    }

    @Test
    void theSameRecordingIsNoRecordingWhateverTheMode() {
        for (Precedence.Mode mode : Precedence.Mode.values()) {
            assertEquals(SAME, Precedence.decide(standing(REFUSED, "拒绝"), recording(REFUSED, "拒绝", mode)));
        }
        assertEquals(APPLY, Precedence.decide(standing(TESTED, null),
                new Recording(1, 1, TESTED, 2, null, Precedence.Mode.RECORD, null)), "another count is news");
    }

    @Test
    void aCorrectionStandsWhateverItReplaces() {
        assertEquals(APPLY, Precedence.decide(standing(POSITIVE, null), recording(NOT_AT_HOME, null,
                Precedence.Mode.CORRECTION)));
    }

    @Test
    void aTaskDoneStandsOnlyWhereTheHouseholdIsNotAccountedFor() {
        assertEquals(APPLY, Precedence.decide(standing(NOT_AT_HOME, null), recording(TESTED, null,
                Precedence.Mode.TASK_DONE)));
        assertEquals(KEEP, Precedence.decide(standing(NOT_AT_HOME, "外出"), recording(TESTED, null,
                Precedence.Mode.TASK_DONE)));
        assertEquals(KEEP, Precedence.decide(standing(ISOLATED, "隔离"), recording(TESTED, null,
                Precedence.Mode.TASK_DONE)));
    }

    private static HouseholdTest standing(HouseholdTestStatus status, String reason) {
        return new HouseholdTest(status, status.counted() ? 3 : null, reason, status.outcome() || reason != null,
                "someone", null, 1, 1);
    }

    private static Recording recording(HouseholdTestStatus status, String reason, Precedence.Mode mode) {
        return new Recording(1, 1, status, status.counted() ? 3 : null, reason, mode, null);
    }
}
