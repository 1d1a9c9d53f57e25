package io.newsgraph.entities.extraction.coref;

import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.Mention;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InArticleCoreferenceTest {

    private final InArticleCoreference coref = new InArticleCoreference();
    private final List<MentionRef> mentions = new ArrayList<>();

    private void add(EntityType type, String text) {
        int order = mentions.size() * 100;
        mentions.add(new MentionRef(new Mention(Mention.Field.BODY, order, order + text.length(), text), type, null,
                null, List.of(), false, order, null));
    }

    private static List<String> texts(EntityCluster c) {
        return c.mentions().stream().map(m -> m.mention().text()).toList();
    }

    @Test
    void shorterFormsJoinTheFullNameInAnyOrder() {
        add(EntityType.PERSON, "Lloyd Austin");
        add(EntityType.PERSON, "Nakatani Gen");
        add(EntityType.PERSON, "Lloyd J. Austin III");
        add(EntityType.PERSON, "Gen Nakatani");
        add(EntityType.PERSON, "Austin");
        add(EntityType.PERSON, "Nakatani");
        List<EntityCluster> clusters = coref.group(mentions);
        assertEquals(2, clusters.size());
        assertEquals(List.of("Lloyd Austin", "Lloyd J. Austin III", "Austin"), texts(clusters.get(0)));
        assertEquals(List.of("Nakatani Gen", "Gen Nakatani", "Nakatani"), texts(clusters.get(1)));
    }

    @Test
    void anAmbiguousSurnameGoesToThePersonMentionedLastBeforeIt() {
        add(EntityType.PERSON, "Lloyd Austin");
        add(EntityType.PERSON, "Mary Austin");
        add(EntityType.PERSON, "Austin");
        add(EntityType.PERSON, "Lloyd Austin");
        add(EntityType.PERSON, "Austin");
        List<EntityCluster> clusters = coref.group(mentions);
        assertEquals(2, clusters.size());
        assertEquals(List.of("Lloyd Austin", "Lloyd Austin", "Austin"), texts(clusters.get(0)));
        assertEquals(List.of("Mary Austin", "Austin"), texts(clusters.get(1)));
    }

    @Test
    void differentPeopleStayApart() {
        add(EntityType.PERSON, "Lloyd Austin");
        add(EntityType.PERSON, "Samuel Paparo");
        assertEquals(2, coref.group(mentions).size());
    }

    @Test
    void organisationsByNameAcronymAndTrailingPart() {
        add(EntityType.ORGANIZATION, "U.S. Indo-Pacific Command");
        add(EntityType.ORGANIZATION, "Self-Defense Forces");
        add(EntityType.ORGANIZATION, "Indo-Pacific Command");
        add(EntityType.ORGANIZATION, "SDF");
        add(EntityType.ORGANIZATION, "Command");
        List<EntityCluster> clusters = coref.group(mentions);
        assertEquals(3, clusters.size(), clusters.stream().map(InArticleCoreferenceTest::texts).toList().toString());
        assertTrue(texts(clusters.get(0)).contains("Indo-Pacific Command"));
        assertTrue(texts(clusters.get(1)).contains("SDF"));
    }
}
