package io.newsgraph.gateway.planner;

/** An operation the supergraph cannot satisfy (should not happen for a correctly composed supergraph). */
public class PlanningException extends RuntimeException {

    public PlanningException(String message) {
        super(message);
    }
}
