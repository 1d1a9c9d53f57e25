package io.newsgraph.entities.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** An entity that appears in the same articles as another: one edge of {@code Entity.related}. */
@Name("RelatedEntityEdge")
@Description("An entity mentioned together with another one, with the number of articles they share.")
public class RelatedEntity {

    @NonNull
    public String cursor;

    @NonNull
    public EntityNode node;

    @Description("Articles that mention both.")
    public int articleCount;
}
