package io.newsgraph.service.graphql;

import graphql.execution.instrumentation.InstrumentationState;

import java.util.concurrent.atomic.AtomicLong;

/** Fields of one answer counted as they are executed (possibly on several threads), against the answer limit. */
final class AnswerBudget implements InstrumentationState {

    private final long max;
    private final AtomicLong fields = new AtomicLong();
    private volatile boolean exceeded;

    AnswerBudget(long max) {
        this.max = max;
    }

    void count() {
        if (!exceeded && fields.incrementAndGet() > max) {
            exceeded = true;
        }
    }

    boolean exceeded() {
        return exceeded;
    }
}
