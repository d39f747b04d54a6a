package org.epicontrol.e2e.access;

/**
 * Data a caller received that the policy forbids them: where (the path, list positions left out), what (type or
 * field) and whose (the owner's unit, "draft", or "unknown" when the test cannot tell whose it is).
 */
public record Leak(String caller, String probe, String path, String subject, Rule rule, String owner) {

    @Override
    public String toString() {
        return caller + " reads " + subject + " of " + owner + " at " + path + " (rule " + rule + ", " + probe + ")";
    }
}
