package io.newsgraph.entities.extraction.engine;

/**
 * A statistical named-entity recogniser: sentences, tokens and typed spans with exact offsets.
 *
 * <p>The rest of the pipeline only sees this interface, so another engine can be plugged in by implementing it
 * and naming it in {@link NerEngines}. Implementations are thread-safe.
 */
public interface NerEngine extends AutoCloseable {

    /** Name and version, as reported with each extraction ({@code nlp4j-1.1.3}). */
    String name();

    /** Annotates one text; offsets point into {@code text}. */
    Annotation annotate(String text);

    @Override
    default void close() {
    }
}
