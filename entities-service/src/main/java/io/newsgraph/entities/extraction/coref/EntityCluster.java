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

    /** Takes over the other cluster's mentions and aliases (a handle that is this organisation's account). */
    public void absorb(EntityCluster other) {
        mentions.addAll(other.mentions);
        words.addAll(other.words);
        extraAliases.addAll(other.extraAliases);
        mentions.sort(java.util.Comparator.comparingInt(MentionRef::order));
    }
}
