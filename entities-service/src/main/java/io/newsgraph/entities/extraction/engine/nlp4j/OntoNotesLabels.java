package io.newsgraph.entities.extraction.engine.nlp4j;

import io.newsgraph.entities.extraction.EntityType;

/** NLP4J tags with the 18 OntoNotes 5 entity labels; these are the ones that map onto our types. */
final class OntoNotesLabels {

    private OntoNotesLabels() {
    }

    static EntityType toType(String label) {
        return switch (label) {
            case "PERSON" -> EntityType.PERSON;
            case "ORG" -> EntityType.ORGANIZATION;
            case "GPE", "LOC", "FAC" -> EntityType.LOCATION;
            case "NORP" -> EntityType.NATIONALITY;
            case "EVENT" -> EntityType.EVENT;
            case "WORK_OF_ART" -> EntityType.WORK;
            case "PRODUCT" -> EntityType.PRODUCT;
            case "LAW" -> EntityType.LAW;
            case "LANGUAGE" -> EntityType.LANGUAGE;
            case "DATE" -> EntityType.DATE;
            // TIME, CARDINAL, ORDINAL, QUANTITY, MONEY, PERCENT: numbers, not names
            default -> null;
        };
    }
}
