package io.newsgraph.articles.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored article. The parsed structure is kept as JSON text: it is always read and written whole. */
@Entity
@Table(name = "article")
public class Article {

    @Id
    public UUID id;

    @Column(name = "external_id")
    public String externalId;

    public String url;
    public String source;
    public String language;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "sort_at", nullable = false)
    public OffsetDateTime sortAt;

    public String title;

    @Column(nullable = false)
    public String body;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(nullable = false)
    public String parsed;

    @Column(name = "word_count", nullable = false)
    public int wordCount;

    /**
     * Starts at 1; every content change adds one. Writers load the row {@code FOR UPDATE} and compare, so two
     * writers holding the same version cannot both succeed.
     */
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "processing_state", nullable = false)
    public ProcessingState processingState;

    @Column(name = "processing_attempts", nullable = false)
    public int processingAttempts;

    @Column(name = "processing_last_error")
    public String processingLastError;
}
