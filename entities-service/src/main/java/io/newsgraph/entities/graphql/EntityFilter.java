package io.newsgraph.entities.graphql;

import io.newsgraph.entities.extraction.EntityType;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** Narrows {@code entities}. */
@Input("EntityFilter")
public class EntityFilter {

    @Description("Only entities of this type.")
    public EntityType type;

    @Description("Only entities with this ISO 3166-1 alpha-2 country code.")
    public String countryCode;
}
