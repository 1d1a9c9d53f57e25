package io.newsgraph.entities.persistence;

/** The stored state of one article's extraction. */
public record StoredExtraction(String articleId, long version, String status) {

    public static final String DONE = "DONE";
    public static final String DELETED = "DELETED";
}
