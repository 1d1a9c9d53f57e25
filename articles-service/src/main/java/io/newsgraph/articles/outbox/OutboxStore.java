package io.newsgraph.articles.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The outbox table. {@link #enqueueChanged} and {@link #enqueueDeleted} join the caller's transaction (the article
 * write); the relay's methods each run in a short transaction of their own, never around a network call.
 */
@ApplicationScoped
public class OutboxStore {

    private final EntityManager em;
    private final DeliveryTracing tracing;

    public OutboxStore(EntityManager em, DeliveryTracing tracing) {
        this.em = em;
        this.tracing = tracing;
    }

    /**
     * Records that the article changed. Older changes of the same article that no relay holds right now are dropped:
     * only the newest version needs delivering. A change a relay is delivering stays, and this one waits behind it.
     */
    public void enqueueChanged(UUID articleId, long version, String payload) {
        dropUndeliveredChanges(articleId);
        insert(articleId, OutboxEvent.Type.ArticleChanged, version, payload);
    }

    /** Records a delete. Deletes are never dropped; pending changes of the article become pointless and go. */
    public void enqueueDeleted(UUID articleId, long version) {
        dropUndeliveredChanges(articleId);
        insert(articleId, OutboxEvent.Type.ArticleDeleted, version, null);
    }

    private void dropUndeliveredChanges(UUID articleId) {
        em.createNativeQuery("""
                DELETE FROM outbox_event
                WHERE article_id = :id AND type = 'ArticleChanged' AND (claimed_until IS NULL OR claimed_until < now())
                """).setParameter("id", articleId).executeUpdate();
    }

    private void insert(UUID articleId, OutboxEvent.Type type, long version, String payload) {
        em.createNativeQuery("""
                INSERT INTO outbox_event (article_id, type, article_version, payload, traceparent)
                VALUES (:id, :type, :version, :payload, :traceparent)
                """).setParameter("id", articleId).setParameter("type", type.name()).setParameter("version", version)
                .setParameter("payload", payload).setParameter("traceparent", tracing.current()).executeUpdate();
    }

    /**
     * Claims up to {@code limit} due events for {@code lease}. Only the oldest event of each article is eligible, so
     * one article's events are delivered in order, one at a time, whichever replica runs them; SKIP LOCKED lets
     * concurrent relays take disjoint rows without waiting.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxEvent> claim(int limit, Duration lease) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = em.createNativeQuery("""
                    UPDATE outbox_event SET claimed_until = now() + make_interval(secs => :lease)
                    WHERE id IN (
                        SELECT e.id FROM outbox_event e
                        WHERE e.status = 'PENDING' AND e.next_attempt_at <= now()
                          AND (e.claimed_until IS NULL OR e.claimed_until < now())
                          AND NOT EXISTS (SELECT 1 FROM outbox_event o WHERE o.article_id = e.article_id AND o.id < e.id)
                        ORDER BY e.id
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED)
                    RETURNING id, article_id, type, article_version, payload, attempts, traceparent
                    """).setParameter("lease", (double) lease.toMillis() / 1000.0).setParameter("limit", limit)
                    .getResultList();
            List<OutboxEvent> events = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                events.add(new OutboxEvent(((Number) r[0]).longValue(), (UUID) r[1], OutboxEvent.Type.valueOf((String) r[2]),
                        ((Number) r[3]).longValue(), (String) r[4], ((Number) r[5]).intValue(), (String) r[6]));
            }
            events.sort((a, b) -> Long.compare(a.id(), b.id()));
            return events;
        });
    }

    /** The receiver acknowledged: the event goes, and the article (if still at that version) is DONE. */
    public void delivered(OutboxEvent event) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM outbox_event WHERE id = :id").setParameter("id", event.id()).executeUpdate();
            if (event.type() == OutboxEvent.Type.ArticleChanged) {
                em.createNativeQuery("""
                        UPDATE article SET processing_state = 'DONE', processing_attempts = :attempts,
                               processing_last_error = NULL
                        WHERE id = :id AND version = :version
                        """).setParameter("attempts", event.attempts() + 1).setParameter("id", event.articleId())
                        .setParameter("version", event.articleVersion()).executeUpdate();
            }
        });
    }

    /**
     * A delivery failed. {@code retryAt} null means give up: the event and its article become FAILED until someone
     * asks for a retry.
     */
    public void failed(OutboxEvent event, String error, Instant retryAt) {
        String message = error.length() > 1000 ? error.substring(0, 1000) : error;
        QuarkusTransaction.requiringNew().run(() -> {
            if (retryAt == null) {
                em.createNativeQuery("""
                        UPDATE outbox_event SET attempts = attempts + 1, last_error = :error, claimed_until = NULL,
                               status = 'FAILED'
                        WHERE id = :id
                        """).setParameter("error", message).setParameter("id", event.id()).executeUpdate();
            } else {
                em.createNativeQuery("""
                        UPDATE outbox_event SET attempts = attempts + 1, last_error = :error, claimed_until = NULL,
                               next_attempt_at = :retryAt
                        WHERE id = :id
                        """).setParameter("error", message)
                        .setParameter("retryAt", OffsetDateTime.ofInstant(retryAt, ZoneOffset.UTC))
                        .setParameter("id", event.id()).executeUpdate();
            }
            if (event.type() == OutboxEvent.Type.ArticleChanged) {
                em.createNativeQuery("""
                        UPDATE article SET processing_state = :state, processing_attempts = :attempts,
                               processing_last_error = :error
                        WHERE id = :id AND version = :version
                        """).setParameter("state", retryAt == null ? "FAILED" : "PENDING")
                        .setParameter("attempts", event.attempts() + 1).setParameter("error", message)
                        .setParameter("id", event.articleId()).setParameter("version", event.articleVersion())
                        .executeUpdate();
            }
        });
    }

    /** Puts FAILED events (of one article, or all when {@code articleId} is null) back in the queue. Joins the caller's transaction. */
    public int requeueFailed(UUID articleId) {
        String where = articleId == null ? "" : " AND article_id = :id";
        var q = em.createNativeQuery("UPDATE outbox_event SET status = 'PENDING', attempts = 0, next_attempt_at = now(), "
                + "claimed_until = NULL WHERE status = 'FAILED'" + where);
        if (articleId != null) {
            q.setParameter("id", articleId);
        }
        return q.executeUpdate();
    }

    /** Events not yet delivered (pending or failed). */
    public long backlog() {
        return QuarkusTransaction.joiningExisting().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM outbox_event").getSingleResult()).longValue());
    }

    public long failedCount() {
        return QuarkusTransaction.joiningExisting().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM outbox_event WHERE status = 'FAILED'")
                        .getSingleResult()).longValue());
    }
}
