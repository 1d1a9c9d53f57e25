package io.newsgraph.entities.extraction;

import java.util.List;

/**
 * The entities of one text, each with its mentions, in order of first mention.
 *
 * @param engine     name and version of the statistical engine used (for example {@code nlp4j-1.1.3})
 * @param tookMillis wall time of the whole pipeline
 */
public record ExtractionResult(List<ExtractedEntity> entities, String engine, long tookMillis) {
}
