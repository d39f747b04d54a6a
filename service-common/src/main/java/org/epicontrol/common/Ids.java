package org.epicontrol.common;


/** GraphQL IDs are strings; our keys are bigints. */
public final class Ids {

    private Ids() {
    }

    public static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("'" + id + "' is not an id");
        }
    }

    /** For federation lookups, where an unknown id must resolve to null rather than fail the batch. */
    public static long parseOrZero(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
