package org.epicontrol.gateway.access;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What one caller holds for one request: signed in or not, scopes, and the policy decisions known so far. Checks a
 * {@link Requirement}; a policy without a decision yet counts as refused and is remembered in {@link #missing()}, so
 * the gate can ask for all of them at once and check again.
 */
final class Grants implements RequirementCheck {
    private final Caller caller;
    private final Function<String, PolicyDecision> decisions;
    private final Set<String> missing = new LinkedHashSet<>();

    Grants(Caller caller, Function<String, PolicyDecision> decisions) {
        this.caller = caller;
        this.decisions = decisions;
    }

    /** Policies that were needed and had no decision (not asked yet). */
    Set<String> missing() {
        return missing;
    }

    @Override
    public Verdict check(Requirement r) {
        if (r.isNone()) {
            return Verdict.ALLOWED;
        }
        if (r.authenticated() && !caller.authenticated()) {
            return Verdict.DENIED;
        }
        for (List<Set<String>> clause : r.scopeClauses()) {
            if (clause.stream().noneMatch(caller.scopes()::containsAll)) {
                return Verdict.DENIED;
            }
        }
        Verdict verdict = Verdict.ALLOWED;
        for (List<Set<String>> clause : r.policyClauses()) {
            Verdict v = policyClause(clause);
            if (v == Verdict.DENIED) {
                return Verdict.DENIED;
            }
            if (v == Verdict.UNDECIDED) {
                verdict = Verdict.UNDECIDED;
            }
        }
        return verdict;
    }

    /** One alternative all granted: allowed; else undecided if one would be but for an unavailable decision. */
    private Verdict policyClause(List<Set<String>> alternatives) {
        boolean undecided = false;
        for (Set<String> all : alternatives) {
            boolean granted = true;
            boolean unavailable = false;
            for (String policy : all) {
                PolicyDecision d = decision(policy);
                if (d == PolicyDecision.DENIED) {
                    granted = false;
                    unavailable = false;
                    break;
                }
                if (d != PolicyDecision.GRANTED) {
                    granted = false;
                    unavailable |= d == PolicyDecision.UNAVAILABLE;
                }
            }
            if (granted) {
                return Verdict.ALLOWED;
            }
            undecided |= unavailable;
        }
        return undecided ? Verdict.UNDECIDED : Verdict.DENIED;
    }

    private PolicyDecision decision(String policy) {
        if (caller.token() == null) {
            return PolicyDecision.DENIED; // nobody to ask about: anonymous callers hold no policy
        }
        PolicyDecision d = decisions.apply(policy);
        if (d == null) {
            missing.add(policy);
        }
        return d;
    }

    static Grants of(Caller caller, Map<String, PolicyDecision> decisions) {
        return new Grants(caller, decisions::get);
    }
}
