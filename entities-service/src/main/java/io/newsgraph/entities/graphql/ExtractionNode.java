package io.newsgraph.entities.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

/** How and when an article's entities were extracted. */
@Name("Extraction")
public class ExtractionNode {

    /** Where an article's extraction stands. */
    @Name("ExtractionStatus")
    public enum Status {
        @Description("The entities of the version below are stored.")
        DONE,
        @Description("The article was removed; its entities with it.")
        DELETED
    }

    @NonNull
    @Description("DONE, or DELETED once the article was removed.")
    public Status status;

    @Description("Name and version of the statistical engine.")
    public String engine;

    @Description("Wall time of the pipeline for this article, in milliseconds.")
    public int tookMillis;

    @Description("The article version the entities come from (Article.version).")
    public int version;

    @Description("When the extraction was stored.")
    public OffsetDateTime extractedAt;

    @Description("Distinct entities found.")
    public int entityCount;
}
