package io.newsgraph.entities.extraction;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The pipeline the service injects: the loaded {@link NewsExtractionPipeline}, waiting for the engine on first use
 * when the service is asked to extract before it is ready ({@link EngineUnavailableException} after the timeout).
 */
@ApplicationScoped
public class ServiceExtractionPipeline implements ExtractionPipeline {

    private final EngineLoader loader;

    ServiceExtractionPipeline(EngineLoader loader) {
        this.loader = loader;
    }

    @Override
    public ExtractionResult extract(ArticleText article) {
        return loader.pipeline().extract(article);
    }
}
