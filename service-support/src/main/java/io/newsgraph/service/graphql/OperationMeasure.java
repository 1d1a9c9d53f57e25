package io.newsgraph.service.graphql;

/**
 * What an operation would ask of the service, measured on the document before anything runs.
 *
 * @param depth                  deepest field nesting, fragments expanded
 * @param aliases                aliased fields in the operation and the fragments it uses
 * @param cost                   estimated fields of the answer: list sizes multiply (capped at
 *                               {@link OperationMeter#COST_CAP})
 * @param largestPage            largest {@code first}/{@code last} given anywhere (0 when none)
 * @param largestRepresentations largest {@code _entities} representation list (0 when none)
 */
public record OperationMeasure(int depth, int aliases, long cost, long largestPage, long largestRepresentations) {
}
