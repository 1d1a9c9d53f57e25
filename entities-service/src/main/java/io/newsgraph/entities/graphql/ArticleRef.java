package io.newsgraph.entities.graphql;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.Objects;

/**
 * An article, owned by articles-service. This subgraph knows only its id and contributes the fields
 * {@code entities} and {@code extraction}; the gateway resolves the rest.
 */
@Name("Article")
@Key(fields = @FieldSet("id"))
public class ArticleRef {

    @Id
    @NonNull
    public String id;

    public ArticleRef() {
    }

    public ArticleRef(String id) {
        this.id = id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArticleRef a && Objects.equals(a.id, id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
