package org.epicontrol.notice.importing;

import java.time.Duration;

/**
 * A time budget the parser checks cooperatively in its loops, so that a text that would take too long ends in
 * {@code NOTICE_PARSE_TIMEOUT} and the worker thread is actually freed (an interrupt cannot stop a regex).
 * Not thread-safe: one per parse.
 */
public final class ParseDeadline {

    // Reading the clock costs ~25 ns: look at it only every this many checks.
    private static final int CHECKS_PER_CLOCK_READ = 256;

    private final long deadlineNanos;
    private final Duration budget;
    private int calls;

    private ParseDeadline(Duration budget) {
        this.budget = budget;
        this.deadlineNanos = budget == null ? Long.MAX_VALUE : System.nanoTime() + budget.toNanos();
    }

    /** A budget that starts now. */
    public static ParseDeadline after(Duration budget) {
        return new ParseDeadline(budget);
    }

    /** No budget (unit tests of the grammar). */
    public static ParseDeadline none() {
        return new ParseDeadline(null);
    }

    /** Cheap; throws {@code NOTICE_PARSE_TIMEOUT} once the budget is spent. */
    public void check() {
        if (budget != null && ++calls % CHECKS_PER_CLOCK_READ == 0) {
            checkNow();
        }
    }

    /** Reads the clock at once; for coarse steps such as one designation item. */
    public void checkNow() {
        if (budget != null && System.nanoTime() - deadlineNanos > 0) {
            throw new NoticeFormatException(NoticeFormatException.NOTICE_PARSE_TIMEOUT,
                    "Reading the text took longer than its budget of " + budget.toMillis()
                            + " ms; a notice is read in milliseconds, so this text is refused.");
        }
    }
}
