package io.newsgraph.entities.extraction;

/** The NER engine is still loading (or failed to load): the extraction can be retried later. */
public class EngineUnavailableException extends RuntimeException {

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
