package io.newsgraph.entities.extraction.coref;

import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.Mention;
import io.newsgraph.entities.extraction.Role;

import java.util.List;

/**
 * One mention after the rule layer, as coreference sees it.
 *
 * @param country    true when the mention names a country itself, so places group by country code
 * @param order      position of the mention in reading order (title first), for choosing canonical forms
 * @param titledForm the name with the one-word title the text puts before it ("Secretary Austin"), or null
 */
public record MentionRef(Mention mention, EntityType type, String normalized, String countryCode, List<Role> roles,
                         boolean country, int order, String titledForm) {
}
