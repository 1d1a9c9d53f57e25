package io.newsgraph.service.graphql;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.FetchedValue;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A service's own GraphQL limits, in graphql-java's execution:
 * <ul>
 *   <li>before the operation runs (after validation, before the first data fetcher, so before SmallRye builds any
 *   selection set), the {@link OperationMeter measure} of the document with its variables is checked against the
 *   {@link GraphQLLimits}; an operation over one is refused whole with its code;</li>
 *   <li>while it runs, every executed field is counted and every leaf value's bytes as it is completed; past either
 *   answer budget (fields, bytes) no further data fetcher runs and the answer is replaced by one
 *   {@code MAX_ANSWER_SIZE_EXCEEDED} error, so no huge answer is written;</li>
 *   <li>on the way out, {@link ClientErrors} keeps internals out of every error message.</li>
 * </ul>
 * The check runs on every execution: SmallRye's document cache skips validation for a known document, not this.
 */
public final class GraphQLLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final GraphQLLimits limits;

    public GraphQLLimitsInstrumentation(GraphQLLimits limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new AnswerBudget(limits.maxAnswerFields(), limits.maxAnswerBytes());
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext ctx = parameters.getExecutionContext();
        OperationMeasure measure = OperationMeter.measure(ctx.getGraphQLSchema(), ctx.getOperationDefinition(),
                ctx.getFragmentsByName(), ctx.getCoercedVariables().toMap(), limits.defaultListSize());
        limits.check(measure).ifPresent(e -> {
            throw new AbortExecutionException(List.of(e));
        });
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
                                                              InstrumentationState state) {
        ((AnswerBudget) state).count();
        return SimpleInstrumentationContext.noOp();
    }

    /** Leaf values (scalars, enums, lists of them) are measured here, whatever fetched them, trivial fetchers too. */
    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
                                                               InstrumentationState state) {
        GraphQLType type = GraphQLTypeUtil.unwrapAll(parameters.getExecutionStepInfo().getType());
        if (type instanceof GraphQLScalarType || type instanceof GraphQLEnumType) {
            Object value = parameters.getFetchedValue();
            if (value instanceof FetchedValue fetched) {
                value = fetched.getFetchedValue();
            }
            ((AnswerBudget) state).add(parameters.getExecutionStepInfo().getResultKey(), value);
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (parameters.isTrivialDataFetcher()) {
            return dataFetcher; // reads a property of an object already loaded
        }
        AnswerBudget budget = (AnswerBudget) state;
        return env -> budget.exceeded() ? null : dataFetcher.get(env);
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                        InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        if (state instanceof AnswerBudget budget && budget.exceeded()) {
            return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult()
                    .addError(budget.which() == AnswerBudget.Exceeded.BYTES ? limits.answerTooManyBytes()
                            : limits.answerTooLarge()).build());
        }
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        return CompletableFuture.completedFuture(result.transform(b -> b.errors(ClientErrors.clean(result.getErrors()))));
    }
}
