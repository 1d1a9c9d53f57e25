package io.newsgraph.entities.extraction.coref;

import io.newsgraph.entities.extraction.EntityType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The mentions of one entity within one article. */
public final class EntityCluster {

    final EntityType type;
    final List<MentionRef> mentions = new ArrayList<>();
    /** Name words seen in any mention, lower-cased without stops: what a shorter form must be part of. */
    final Set<String> words = new LinkedHashSet<>();
    final Set<String> extraAliases = new LinkedHashSet<>();

    EntityCluster(EntityType type) {
        this.type = type;
    }

    public EntityType type() {
        return type;
    }

    public List<MentionRef> mentions() {
        return mentions;
    }

    /** Forms that are not mentions of their own but name the entity ("Secretary Austin", "@japantimes"). */
    public Set<String> extraAliases() {
        return extraAliases;
    }

    public void addAlias(String alias) {
        extraAliases.add(alias);
    }
}
