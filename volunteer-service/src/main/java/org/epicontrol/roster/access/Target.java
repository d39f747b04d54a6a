package org.epicontrol.roster.access;

/**
 * What an operation concerns, with the SQL that finds where it sits in the organisation (the path of its community,
 * or of its own unit for units and tasks) and whose it is (the volunteer it belongs to, if any).
 */
public enum Target {
    UNIT("org unit", "o", "select o.id, o.path_ids, null::bigint as owner from org_unit o where o.id"),
    VOLUNTEER("volunteer", "v", "select v.id, c.path_ids, v.id as owner from volunteer v"
            + " join org_unit c on c.id = v.community_id where v.id"),
    // a city-wide team (no community) has the empty path
    TEAM("team", "t", "select t.id, coalesce(c.path_ids, '{}') as path_ids, null::bigint as owner from team t"
            + " left join org_unit c on c.id = t.community_id where t.id"),
    POST("duty post", "p", "select p.id, c.path_ids, null::bigint as owner from duty_post p"
            + " join org_unit c on c.id = p.community_id where p.id"),
    SHIFT("shift", "s", "select s.id, c.path_ids, null::bigint as owner from shift s join duty_post p on p.id = s.post_id"
            + " join org_unit c on c.id = p.community_id where s.id"),
    ASSIGNMENT("assignment", "a", "select a.id, c.path_ids, a.volunteer_id as owner from assignment a"
            + " join shift s on s.id = a.shift_id join duty_post p on p.id = s.post_id"
            + " join org_unit c on c.id = p.community_id where a.id"),
    SWAP("swap", "w", "select w.id, c.path_ids, a.volunteer_id as owner from swap_request w"
            + " join assignment a on a.id = w.from_assignment_id join shift s on s.id = a.shift_id"
            + " join duty_post p on p.id = s.post_id join org_unit c on c.id = p.community_id where w.id"),
    TASK("task", "t", "select t.id, o.path_ids, t.assignee_id as owner from task t"
            + " join org_unit o on o.id = t.org_unit_id where t.id"),
    WISH("wish", "w", "select w.id, c.path_ids, w.claimed_by as owner from wish w"
            + " join org_unit c on c.id = w.community_id where w.id"),
    // a response and its testing rounds belong to the response's community (whatever unit answers for the area)
    RESPONSE("response", "r", "select r.id, c.path_ids, null::bigint as owner from response r"
            + " join org_unit c on c.id = r.community_id where r.id"),
    TESTING_ROUND("testing round", "t", "select t.id, c.path_ids, null::bigint as owner from testing_round t"
            + " join response r on r.id = t.response_id join org_unit c on c.id = r.community_id where t.id");

    private final String noun;
    private final String one;
    private final String many;
    private final String locking;

    /** {@code lookup} ends with the id column its ids are matched against; {@code row} is the object's own table alias. */
    Target(String noun, String row, String lookup) {
        this.noun = noun;
        // One id compares with "=": PostgreSQL then settles on a generic plan instead of planning every call anew,
        // as it does for "= any($1)" (planning cost more than running these look-ups; measured in the benchmark).
        this.one = lookup + " = $1";
        this.many = lookup + " = any($1)";
        // Inside a write: the checked row cannot be deleted or re-keyed before the write commits. KEY SHARE does not
        // conflict with the FOR NO KEY UPDATE / UPDATE locks the writes take next on the same rows (no upgrade
        // deadlock between two writers that both checked first).
        this.locking = one + " for key share of " + row;
    }

    public String noun() {
        return noun;
    }

    /** The look-up of one id (parameter: bigint). */
    String sqlForOne() {
        return one;
    }

    /** The look-up of one id inside a write's transaction, locking the object's row (parameter: bigint). */
    String sqlForOneLocked() {
        return locking;
    }

    /** The look-up of several ids (parameter: bigint[]). */
    String sqlForMany() {
        return many;
    }
}
