package io.newsgraph.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * Spans in memory, for tests that read them (Quarkus' OpenTelemetry exports to every {@code SpanExporter} bean);
 * nothing is made unless a test turns the SDK on.
 */
@ApplicationScoped
public class SpanExporterProducer {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
