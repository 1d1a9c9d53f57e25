package io.newsgraph.entities.extraction;

/**
 * Text in, entities out: sentences and tokens, statistical NER, the rule layer, in-article coreference and salience.
 *
 * <p>Pure and stateless towards the database: cross-article resolution and co-occurrence belong to the service
 * layer, which stores what this returns. Implementations are thread-safe.
 */
public interface ExtractionPipeline {

    /** Extracts the entities of one article (or any text, with a null title). */
    ExtractionResult extract(ArticleText article);
}
