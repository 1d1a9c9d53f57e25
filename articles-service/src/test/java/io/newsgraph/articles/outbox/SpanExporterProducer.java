package io.newsgraph.articles.outbox;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Spans in memory for the tracing test (Quarkus exports to every {@code SpanExporter} bean); none unless the SDK is on. */
@ApplicationScoped
public class SpanExporterProducer {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
