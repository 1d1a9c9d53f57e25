package io.newsgraph.entities.extraction;

/**
 * A title, rank or position held by a person, as the text gives it.
 *
 * @param title        "Secretary of Defense", "Minister of Defense", "Adm.", "commander"
 * @param organization the organisation the role is in, when the text names it ("U.S. Indo-Pacific Command"); may be null
 * @param countryCode  ISO 3166-1 alpha-2 of the country the role belongs to ("JP"), when the text gives it; may be null
 */
public record Role(String title, String organization, String countryCode) {
}
