package org.epicontrol.gateway.cost;

import org.epicontrol.gateway.GatewayConfig;

/**
 * The budgets: what one operation may cost for an anonymous caller and for a signed-in one (a verified token).
 * Staff see more data per query (rosters, duty posts) and are accountable for what they send, so they get more.
 */
public record CostPolicy(boolean enabled, double anonymousBudget, double signedInBudget) {

    /** The budgets of {@code gateway.cost.*}. */
    public static CostPolicy of(GatewayConfig.Cost c) {
        return new CostPolicy(c.enabled(), c.anonymousBudget(), c.signedInBudget());
    }

    public static final CostPolicy UNLIMITED = new CostPolicy(false, Double.MAX_VALUE, Double.MAX_VALUE);

    public double budget(boolean signedIn) {
        return signedIn ? signedInBudget : anonymousBudget;
    }

    /** Whether the estimate is over the caller's budget. */
    public boolean refuses(double estimate, boolean signedIn) {
        return enabled && estimate > budget(signedIn);
    }
}
