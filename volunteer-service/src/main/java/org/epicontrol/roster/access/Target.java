package org.epicontrol.roster.access;

/**
 * What an operation concerns, with the SQL that finds where it sits in the organisation (the path of its community,
 * or of its own unit for units and tasks) and whose it is (the volunteer it belongs to, if any).
 */
public enum Target {
    UNIT("org unit", "select o.id, o.path_ids, null::bigint as owner from org_unit o where o.id"),
    VOLUNTEER("volunteer", "select v.id, c.path_ids, v.id as owner from volunteer v"
            + " join org_unit c on c.id = v.community_id where v.id"),
    POST("duty post", "select p.id, c.path_ids, null::bigint as owner from duty_post p"
            + " join org_unit c on c.id = p.community_id where p.id"),
    SHIFT("shift", "select s.id, c.path_ids, null::bigint as owner from shift s join duty_post p on p.id = s.post_id"
            + " join org_unit c on c.id = p.community_id where s.id"),
    ASSIGNMENT("assignment", "select a.id, c.path_ids, a.volunteer_id as owner from assignment a"
            + " join shift s on s.id = a.shift_id join duty_post p on p.id = s.post_id"
            + " join org_unit c on c.id = p.community_id where a.id"),
    SWAP("swap", "select w.id, c.path_ids, a.volunteer_id as owner from swap_request w"
            + " join assignment a on a.id = w.from_assignment_id join shift s on s.id = a.shift_id"
            + " join duty_post p on p.id = s.post_id join org_unit c on c.id = p.community_id where w.id"),
    TASK("task", "select t.id, o.path_ids, t.assignee_id as owner from task t"
            + " join org_unit o on o.id = t.org_unit_id where t.id"),
    WISH("wish", "select w.id, c.path_ids, w.claimed_by as owner from wish w"
            + " join org_unit c on c.id = w.community_id where w.id");

    private final String noun;
    private final String one;
    private final String many;

    /** {@code lookup} ends with the id column its ids are matched against. */
    Target(String noun, String lookup) {
        this.noun = noun;
        // One id compares with "=": PostgreSQL then settles on a generic plan instead of planning every call anew,
        // as it does for "= any($1)" (planning cost more than running these look-ups; measured in the benchmark).
        this.one = lookup + " = $1";
        this.many = lookup + " = any($1)";
    }

    public String noun() {
        return noun;
    }

    /** The look-up of one id (parameter: bigint). */
    String sqlForOne() {
        return one;
    }

    /** The look-up of several ids (parameter: bigint[]). */
    String sqlForMany() {
        return many;
    }
}
