package org.epicontrol.roster.testing;

import jakarta.json.Json;
import org.epicontrol.common.DomainException;

import java.util.Map;

/** completeTestingRound while households are not accounted for: {@code extensions.missing} says how many. */
public class HouseholdsMissing extends DomainException {

    private final long missing;

    public HouseholdsMissing(long roundId, long missing) {
        super("HOUSEHOLDS_MISSING", "testing round " + roundId + " cannot be completed: " + missing
                + " household(s) are not accounted for (tested, positive, isolated, or not at home / refused with a"
                + " reason); see missedHouseholds");
        this.missing = missing;
    }

    public long missing() {
        return missing;
    }

    /**
     * SmallRye copies the extension fields listed in {@code quarkus.smallrye-graphql.error-extension-fields} ("missing"
     * is listed there); a JSON value stays a number, anything else would be written as its string.
     */
    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("code", code(), "missing", Json.createValue(missing));
    }
}
