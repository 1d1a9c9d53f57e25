package io.newsgraph.entities.extraction;

import java.util.List;

/**
 * One entity of one article after the rule layer and coreference.
 *
 * @param type          the entity's type
 * @param name          canonical name within the article (the longest full form: "Lloyd J. Austin III")
 * @param normalized    normalised value where the type has one: ISO-8601 date ("2024-10-09", "2024-10", "2024") for
 *                      DATE, lower-cased handle without "@" for HANDLE, the URL for URL; else null
 * @param countryCode   ISO 3166-1 alpha-2 for countries ("US"), and for people or organisations when the text ties
 *                      them to one; else null
 * @param aliases       every other surface form seen in the article ("Austin", "Secretary Austin")
 * @param roles         titles, ranks and positions the text gives ("Secretary of Defense")
 * @param mentions      every mention, in text order
 * @param salience      0..1, how central the entity is to the article
 */
public record ExtractedEntity(
        EntityType type,
        String name,
        String normalized,
        String countryCode,
        List<String> aliases,
        List<Role> roles,
        List<Mention> mentions,
        double salience) {
}
