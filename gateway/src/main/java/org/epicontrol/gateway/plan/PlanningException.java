package org.epicontrol.gateway.plan;

/** The operation cannot be planned against this supergraph; the message names type, field and subgraph. */
public class PlanningException extends RuntimeException {
    public PlanningException(String message) {
        super(message);
    }
}
