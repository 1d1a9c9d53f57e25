package io.newsgraph.entities.graphql;

import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.Role;
import io.newsgraph.entities.persistence.StoredEntity;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** A canonical entity, shared by every article that mentions it. */
@Name("Entity")
@Key(fields = @FieldSet("id"))
@Description("A person, organisation, place, date or other entity, merged across every article that mentions it.")
public class EntityNode {

    @Id
    @NonNull
    public String id;

    @NonNull
    @Description("Canonical name: the fullest form seen (\"Lloyd J. Austin III\").")
    public String name;

    @NonNull
    public EntityType type;

    @NonNull
    @Description("Other names the entity is mentioned by (\"Lloyd Austin\", \"Austin\").")
    public List<@NonNull String> aliases;

    @NonNull
    @Description("Titles, ranks and positions the articles give.")
    public List<@NonNull Role> roles;

    @Description("ISO 3166-1 alpha-2 code of the country (for countries, and people or organisations tied to one).")
    public String countryCode;

    @Description("ISO-8601 value of a date, lower-cased handle, or URL; null for names.")
    public String normalizedValue;

    @Description("Mentions across all articles.")
    public int mentionCount;

    @Description("Articles that mention the entity.")
    public int articleCount;

    /** The entities loaded together with this one; its fields with arguments load for all of them at once. */
    @Ignore
    Siblings<Long> siblings;

    /** Nodes for rows one statement returned, sharing one sibling group. */
    static List<EntityNode> group(List<StoredEntity> rows) {
        Siblings<Long> siblings = new Siblings<>(rows.stream().map(StoredEntity::id).toList());
        return rows.stream().map(r -> {
            EntityNode n = of(r);
            n.siblings = siblings;
            return n;
        }).toList();
    }

    static EntityNode of(StoredEntity e) {
        EntityNode n = new EntityNode();
        n.id = String.valueOf(e.id());
        n.name = e.name();
        n.type = e.type();
        n.aliases = e.aliases();
        n.roles = e.roles();
        n.countryCode = e.countryCode();
        n.normalizedValue = e.normalizedValue();
        n.mentionCount = e.mentionCount();
        n.articleCount = e.articleCount();
        n.siblings = new Siblings<>(List.of(e.id()));
        return n;
    }

    long key() {
        return Long.parseLong(id);
    }
}
