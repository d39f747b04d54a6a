package org.epicontrol.e2e.access;

import java.util.Set;

/**
 * Data a caller received that the policy forbids them: where (the path, list positions left out), what (type or
 * field), whose (the owner's unit, "draft", or "unknown owner" when the test cannot tell whose it is), and the types
 * of the objects that came with it below.
 */
public record Leak(String caller, String probe, String path, String subject, Rule rule, String owner, Set<String> below) {

    @Override
    public String toString() {
        return caller + " reads " + subject + " of " + owner + (below.isEmpty() ? "" : " with " + String.join(", ", below))
                + " at " + path + " (rule " + rule + ", " + probe + ")";
    }
}
