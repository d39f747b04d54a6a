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
    // issue 13: a round belongs to its community (rounds created by hand have no response)
    TESTING_ROUND("testing round", "t", "select t.id, c.path_ids, null::bigint as owner from testing_round t"
            + " join org_unit c on c.id = t.community_id where t.id"),
    // a household sits at its building: the path runs district … community, grid, building
    HOUSEHOLD("household", "h", "select h.id, b.path_ids, null::bigint as owner from household h"
            + " join org_unit b on b.id = h.building_id where h.id"),
    // a resident's request: at its household's building when it names one, else at its community; owner: assignee
    REQUEST("request", "q", "select q.id, coalesce(b.path_ids, c.path_ids) as path_ids, q.assignee_id as owner"
            + " from resident_request q join org_unit c on c.id = q.community_id"
            + " left join household h on h.id = q.household_id left join org_unit b on b.id = h.building_id where q.id"),
    // a person's registration to volunteer (报到) at a community
    REGISTRATION("registration", "g", "select g.id, c.path_ids, null::bigint as owner from volunteer_registration g"
            + " join org_unit c on c.id = g.community_id where g.id"),
    // a community's call for volunteers
    CALL_OUT("call-out", "k", "select k.id, c.path_ids, null::bigint as owner from call_out k"
            + " join org_unit c on c.id = k.community_id where k.id"),
    // issue 16: a roster proposed for a community
    ROSTER_PROPOSAL("roster proposal", "r", "select r.id, c.path_ids, null::bigint as owner from roster_proposal r"
            + " join org_unit c on c.id = r.community_id where r.id");

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
