package org.epicontrol.gateway.access;

/** How the operation filter judges one requirement: a caller's {@link Grants}, or a walk that only notes them. */
@FunctionalInterface
interface RequirementCheck {
    Verdict check(Requirement requirement);
}
