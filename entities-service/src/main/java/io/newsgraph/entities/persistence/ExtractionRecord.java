package io.newsgraph.entities.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.OffsetDateTime;

/** Read model of one article's extraction (written only by {@link ExtractionRecords}). */
@Entity
@Immutable
@Table(name = "extraction")
public class ExtractionRecord {

    @Id
    @Column(name = "article_id")
    public String articleId;

    public long version;

    public String status;

    public String engine;

    @Column(name = "took_ms")
    public long tookMillis;

    @Column(name = "extracted_at")
    public OffsetDateTime extractedAt;

    @Column(name = "entity_count")
    public int entityCount;
}
