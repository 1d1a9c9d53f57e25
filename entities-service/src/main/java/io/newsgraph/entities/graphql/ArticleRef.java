package io.newsgraph.entities.graphql;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;
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

    /** The articles loaded together with this one; its fields with arguments load for all of them at once. */
    @Ignore
    Siblings<String> siblings;

    public ArticleRef() {
    }

    public ArticleRef(String id) {
        this.id = id;
        this.siblings = new Siblings<>(List.of(id));
    }

    /** References for ids one call or statement produced, sharing one sibling group. */
    static List<ArticleRef> group(List<String> ids) {
        Siblings<String> siblings = new Siblings<>(ids);
        return ids.stream().map(i -> {
            ArticleRef a = new ArticleRef(i);
            a.siblings = siblings;
            return a;
        }).toList();
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
