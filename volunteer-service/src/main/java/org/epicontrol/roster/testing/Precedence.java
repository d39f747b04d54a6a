package org.epicontrol.roster.testing;

import java.util.Objects;

/**
 * Which recording stands when several arrive for one household in one round (recorders at the door, a task done, a
 * correction). Every recording is kept in the history whatever is decided here; this decides only what stands.
 *
 * <table>
 * <caption>strength of a status: a recording replaces the standing status when it is at least as strong</caption>
 * <tr><th>strength</th><th>status</th></tr>
 * <tr><td>1</td><td>NOT_AT_HOME or REFUSED without a reason (not accounted for)</td></tr>
 * <tr><td>2</td><td>NOT_AT_HOME or REFUSED with a reason (accounted for, visited again)</td></tr>
 * <tr><td>3</td><td>TESTED, ISOLATED (outcomes)</td></tr>
 * <tr><td>4</td><td>POSITIVE (a result follows the sampling)</td></tr>
 * </table>
 *
 * <p>Equal strength: the later recording stands (a second attempt, TESTED then ISOLATED). A weaker one is kept in the
 * history only: a recorder's phone sending NOT_AT_HOME after a colleague recorded TESTED does not undo the test, and
 * an accounted household never becomes unaccounted. A correction (staff only: {@code AccessRules.mayRecordResult})
 * stands whatever it replaces. A door-to-door task done records TESTED only while the household is not accounted for.
 * The same status, count and reason as the standing one is no new recording at all (idempotent: nothing changes,
 * nothing is added to the history).
 */
final class Precedence {

    /** How a recording came. */
    enum Mode {
        /** recordHouseholdTest: the strength rule above. */
        RECORD,
        /** recordHouseholdTest with correction: stands whatever it replaces. */
        CORRECTION,
        /** completeTask of a door-to-door task: stands only if the household was not accounted for. */
        TASK_DONE
    }

    /** What becomes of a recording. */
    enum Decision {
        /** The same as what stands: nothing changes, nothing is added to the history. */
        SAME,
        /** It stands now; the history gets it with the status it replaced. */
        APPLY,
        /** What stands is kept; the history gets the recording, marked not applied. */
        KEEP
    }

    private Precedence() {
    }

    /** {@code standing}: the household's standing status in the round, null if none yet. */
    static Decision decide(HouseholdTest standing, Recording incoming) {
        if (standing == null) {
            return Decision.APPLY;
        }
        if (standing.status() == incoming.status() && Objects.equals(standing.testedCount(), incoming.testedCount())
                && Objects.equals(standing.reason(), incoming.reason())) {
            return Decision.SAME;
        }
        return switch (incoming.mode()) {
            case CORRECTION -> Decision.APPLY;
            case TASK_DONE -> standing.accounted() ? Decision.KEEP : Decision.APPLY;
            case RECORD -> strength(incoming.status(), incoming.reason() != null)
                    >= strength(standing.status(), standing.reason() != null) ? Decision.APPLY : Decision.KEEP;
        };
    }

    static int strength(HouseholdTestStatus status, boolean withReason) {
        return switch (status) {
            case NOT_AT_HOME, REFUSED -> withReason ? 2 : 1;
            case TESTED, ISOLATED -> 3;
            case POSITIVE -> 4;
        };
    }
}
