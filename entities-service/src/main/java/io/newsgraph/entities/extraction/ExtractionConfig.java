package io.newsgraph.entities.extraction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * Settings of the extraction pipeline ({@code newsgraph.extraction.*}, or {@code NEWSGRAPH_EXTRACTION_*}).
 */
@ConfigMapping(prefix = "newsgraph.extraction")
public interface ExtractionConfig {

    /** The statistical NER engine ({@code nlp4j}). */
    @WithDefault("nlp4j")
    String engine();

    /** Texts annotated at once, one engine worker each; defaults to the number of available processors. */
    OptionalInt workers();

    /**
     * Load the engine at start-up (readiness waits for it). When false it loads on the first extraction, and
     * readiness does not wait: for test runs that never extract with the real engine.
     */
    @WithDefault("true")
    boolean loadAtStartup();

    /** How long an extraction waits for the engine to finish loading before it fails. */
    @WithDefault("PT3M")
    Duration loadTimeout();
}
