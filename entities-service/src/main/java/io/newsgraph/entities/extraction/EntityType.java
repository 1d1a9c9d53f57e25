package io.newsgraph.entities.extraction;

/** The kinds of entity the pipeline emits. */
public enum EntityType {
    PERSON,
    ORGANIZATION,
    LOCATION,
    DATE,
    /** Nationalities, religious and political groups ("Japanese", "Republicans"). */
    NATIONALITY,
    EVENT,
    /** Titles of creative works: books, films, songs, shows, paintings ("Game of Thrones"). */
    WORK,
    /** Named products: devices, vehicles, weapons, software ("iPhone", "F-35", "ChatGPT"). */
    PRODUCT,
    /** Named laws, treaties and legal documents ("Affordable Care Act", "Chapter 11"). */
    LAW,
    /** Named languages ("Arabic", "Konkani"). */
    LANGUAGE,
    /** Social-media handles ("@japantimes"). */
    HANDLE,
    URL,
    HASHTAG
}
