package io.newsgraph.contract;

/**
 * The delivery API between articles-service (its outbox relay is the client) and entities-service (the receiver).
 *
 * <p>Both sides build their paths from these constants and exchange {@link ExtractionRequest}, so a change to the
 * contract is one change that both sides' tests see.
 *
 * <ul>
 *   <li>{@code PUT /extractions/{articleId}} with an {@link ExtractionRequest}: extract (or re-extract) the article.
 *       Idempotent: a version older than or equal to the stored one changes nothing and still answers 2xx.</li>
 *   <li>{@code DELETE /extractions/{articleId}}: forget the article's mentions. Idempotent: an unknown id answers 2xx.</li>
 * </ul>
 *
 * <p>Any 2xx acknowledges the delivery; the relay retries everything else (and connection failures) with backoff,
 * except the answers {@link #isFinal} names, which mark the change as failed for good.
 */
public final class ExtractionContract {

    /** Collection path; the article id is appended as one path segment. */
    public static final String BASE_PATH = "/extractions";

    /** Path template as JAX-RS writes it. */
    public static final String ITEM_PATH = "/{articleId}";

    /**
     * The relay's service identity: every delivery carries {@code Authorization: Bearer <token>}, an RS256 token that
     * articles-service signs with its own key, issued by {@link #RELAY_ISSUER} for {@link #RELAY_AUDIENCE} with role
     * {@link #RELAY_ROLE}. entities-service trusts that key for this role on these paths and for nothing else.
     */
    public static final String RELAY_ISSUER = "articles-service";

    /** The audience of a relay token. */
    public static final String RELAY_AUDIENCE = "entities-service";

    /** The one role a relay token grants. */
    public static final String RELAY_ROLE = "extraction-writer";

    /** 422: the receiver understood the request and will never accept it (for example text over its limit). */
    public static final int NON_RETRYABLE_STATUS = 422;

    private ExtractionContract() {
    }

    /**
     * True for an answer that the same delivery would get again however often it is sent: 422 (refused), 400 (the
     * receiver cannot read it) and 413 (larger than the receiver takes). 401, 403 and 404 stay retryable: they come
     * from configuration (a key, a role, a route) that an operator can fix while the relay waits.
     */
    public static boolean isFinal(int status) {
        return status == NON_RETRYABLE_STATUS || status == 400 || status == 413;
    }

    /** The path for one article, for clients. */
    public static String itemPath(String articleId) {
        return BASE_PATH + "/" + articleId;
    }
}
