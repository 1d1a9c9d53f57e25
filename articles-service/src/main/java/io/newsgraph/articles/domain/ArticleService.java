package io.newsgraph.articles.domain;

import io.newsgraph.articles.config.ArticlesConfig;
import io.newsgraph.articles.outbox.OutboxStore;
import io.newsgraph.articles.parse.ArticleParser;
import io.newsgraph.articles.parse.ParsedArticle;
import io.newsgraph.articles.parse.ExtractionText;
import io.newsgraph.articles.parse.TextFormat;
import io.newsgraph.articles.persistence.ArticleRepository;
import io.newsgraph.articles.persistence.Cursors;
import io.newsgraph.service.paging.PageWindow;
import io.newsgraph.contract.ExtractionRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The article use cases. Each public method is one transaction; every write adds its outbox event in that same
 * transaction, so a change is published exactly when it is committed.
 */
@ApplicationScoped
public class ArticleService {

    /** What an ingest did and the article as it now stands. */
    public record IngestResult(IngestOutcome outcome, Article article) {
    }

    /** A page of the list, newest first. */
    public record Page(List<Article> articles, boolean hasPrevious, boolean hasNext) {
    }

    /** A page of search hits with the articles they name, in rank order. */
    public record SearchPage(List<SearchResult> results, boolean hasPrevious, boolean hasNext) {
    }

    /** A hit and its position in the ranking (what its cursor holds). */
    public record SearchResult(Article article, double rank, String headline, int position) {
    }

    private static final int REDELIVERY_BATCH = 100;
    /**
     * Dates an article may carry or be filtered by: years 1 to 9999, ISO 8601's four digits. PostgreSQL's timestamptz
     * ends in the year 294276, and a date past it would fail the statement instead of the request.
     */
    static final OffsetDateTime EARLIEST = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    static final OffsetDateTime LATEST = OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.UTC);

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final Pattern LANGUAGE = Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$");

    private final ArticleRepository articles;
    private final OutboxStore outbox;
    private final ParsedArticleCodec codec;
    private final ArticlesConfig config;
    private final ArticleParser parser = new ArticleParser();

    public ArticleService(ArticleRepository articles, OutboxStore outbox, ParsedArticleCodec codec,
                          ArticlesConfig config) {
        this.articles = articles;
        this.outbox = outbox;
        this.codec = codec;
        this.config = config;
    }

    /**
     * Stores a new article, or a new version of the one with the same externalId (else URL), or nothing when the
     * content is the same. Two concurrent first ingests of one key collide on the unique index; the loser retries
     * once and then finds the winner's row.
     */
    public IngestResult ingest(ArticleDraft draft) {
        ArticleDraft clean = validate(draft);
        try {
            return QuarkusTransaction.requiringNew().call(() -> ingestInTransaction(clean));
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                return QuarkusTransaction.requiringNew().call(() -> ingestInTransaction(clean));
            }
            throw e;
        }
    }

    /** One entry of {@link #ingestBatch}: a result or the reason the draft was rejected. */
    public record BatchItem(IngestResult result, ArticleException error) {
    }

    /**
     * Ingests many drafts with one commit: invalid drafts are rejected one by one, the valid ones are stored in a
     * single transaction. Should that transaction fail as a whole (for example a concurrent writer took an
     * externalId first), each draft is retried in a transaction of its own, so one bad row never costs the others.
     */
    public List<BatchItem> ingestBatch(List<ArticleDraft> drafts) {
        BatchItem[] items = new BatchItem[drafts.size()];
        List<Integer> valid = new java.util.ArrayList<>();
        List<ArticleDraft> clean = new java.util.ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            try {
                clean.add(validate(drafts.get(i)));
                valid.add(i);
            } catch (ArticleException e) {
                items[i] = new BatchItem(null, e);
            }
        }
        try {
            List<IngestResult> results = QuarkusTransaction.requiringNew().call(() -> {
                List<IngestResult> out = new java.util.ArrayList<>(clean.size());
                for (ArticleDraft d : clean) {
                    out.add(ingestInTransaction(d));
                }
                return out;
            });
            for (int k = 0; k < valid.size(); k++) {
                items[valid.get(k)] = new BatchItem(results.get(k), null);
            }
        } catch (RuntimeException batchFailed) {
            for (int k = 0; k < valid.size(); k++) {
                try {
                    items[valid.get(k)] = new BatchItem(ingest(clean.get(k)), null);
                } catch (ArticleException e) {
                    items[valid.get(k)] = new BatchItem(null, e);
                }
            }
        }
        return List.of(items);
    }

    private IngestResult ingestInTransaction(ArticleDraft d) {
        var existing = d.externalId() != null ? articles.findByExternalIdForUpdate(d.externalId())
                : d.url() != null ? articles.findByUrlForUpdate(d.url()) : java.util.Optional.<Article>empty();
        if (existing.isPresent()) {
            Article a = existing.get();
            ArticleParser.Reading reading = parser.read(d.body(), d.format(), d.title());
            if (hash(d, reading.article()).equals(a.contentHash)) {
                return new IngestResult(IngestOutcome.UNCHANGED, a);
            }
            apply(a, d, reading.article());
            a.version++;
            articles.flush();
            publishChange(a, reading);
            return new IngestResult(IngestOutcome.UPDATED, a);
        }
        Article a = new Article();
        a.id = UUID.randomUUID();
        a.externalId = d.externalId();
        a.createdAt = now();
        a.version = 1;
        ArticleParser.Reading reading = parser.read(d.body(), d.format(), d.title());
        apply(a, d, reading.article());
        articles.persist(a);
        articles.flush();
        publishChange(a, reading);
        return new IngestResult(IngestOutcome.CREATED, a);
    }

    /**
     * Changes an article at {@code expectedVersion}: {@code change} gets the stored fields as a draft and returns the
     * new ones (PUT replaces all, PATCH some). A stale version is a conflict; so is a concurrent writer, as the row is
     * locked before the comparison.
     */
    @Transactional
    public Article update(UUID id, long expectedVersion, UnaryOperator<ArticleDraft> change) {
        Article a = articles.findForUpdate(id).orElseThrow(() -> notFound(id));
        checkVersion(a, expectedVersion);
        ArticleDraft current = new ArticleDraft(a.title, a.body, a.url, a.source, a.publishedAt, a.language,
                a.externalId, TextFormat.AUTO);
        ArticleDraft next = validate(change.apply(current));
        if (!Objects.equals(next.externalId(), a.externalId)) {
            throw new ArticleException(ErrorCode.INVALID_FIELD, "externalId cannot be changed");
        }
        ArticleParser.Reading reading = parser.read(next.body(), next.format(), next.title());
        if (hash(next, reading.article()).equals(a.contentHash)) {
            return a;
        }
        apply(a, next, reading.article());
        a.version++;
        articles.flush();
        publishChange(a, reading);
        return a;
    }

    @Transactional
    public void delete(UUID id, long expectedVersion) {
        Article a = articles.findForUpdate(id).orElseThrow(() -> notFound(id));
        checkVersion(a, expectedVersion);
        articles.delete(a);
        articles.flush();
        outbox.enqueueDeleted(a.id, a.version);
    }

    /**
     * Asks for delivery again: FAILED events go back in the queue; when nothing is queued (the article was delivered),
     * its current version is queued anew, which also serves to re-run extraction.
     */
    @Transactional
    public Article retryProcessing(UUID id) {
        Article a = articles.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (outbox.requeueFailed(id) == 0 && a.processingState != ProcessingState.PENDING) {
            publishChange(a, reread(a));
        }
        a.processingState = ProcessingState.PENDING;
        a.processingAttempts = 0;
        a.processingLastError = null;
        return a;
    }

    @Transactional
    public int retryAllFailed() {
        int events = outbox.requeueFailed(null);
        articles.flush();
        return events;
    }

    /**
     * Queues every article's current version for delivery again, {@value #REDELIVERY_BATCH} articles per transaction
     * so that a large store neither holds one long transaction nor blocks writers for long: the rows of a batch are
     * locked, so a concurrent update either commits first (and its version is the one queued) or waits. For rebuilding
     * the entity graph, whose receiver ignores versions it already has.
     */
    public int redeliverAll() {
        int total = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            List<Article> batch = QuarkusTransaction.requiringNew().call(() -> {
                List<Article> next = articles.nextByIdForUpdate(from, REDELIVERY_BATCH);
                for (Article a : next) {
                    publishChange(a, reread(a));
                    a.processingState = ProcessingState.PENDING;
                    a.processingAttempts = 0;
                    a.processingLastError = null;
                }
                return next;
            });
            if (batch.isEmpty()) {
                return total;
            }
            total += batch.size();
            after = batch.getLast().id;
        }
    }

    @Transactional
    public java.util.Optional<Article> find(UUID id) {
        return articles.find(id);
    }

    @Transactional
    public Article get(UUID id) {
        return articles.find(id).orElseThrow(() -> notFound(id));
    }

    /** One SQL query for all ids. */
    @Transactional
    public List<Article> findAll(Collection<UUID> ids) {
        return articles.findAll(ids);
    }

    /** The page of the list a client asked for; see {@link #window}. */
    @Transactional
    public Page list(String source, OffsetDateTime from, OffsetDateTime to, PageWindow window) {
        Cursors.ListKey key = window.cursor() == null ? null : Cursors.parseList(window.cursor());
        checkFilter(source, from, to);
        String src = blankToNull(source);
        List<Article> rows = articles.list(src, from, to, key, window.backward(), false, window.fetchSize());
        boolean beyond = key != null && !articles.list(src, from, to, key, !window.backward(), true, 1).isEmpty();
        PageWindow.Page<Article> page = window.page(rows, beyond);
        return new Page(page.items(), page.hasPreviousPage(), page.hasNextPage());
    }

    /** Articles the filter selects, counted up to {@code limits.max-total-count}. */
    @Transactional
    public int count(String source, OffsetDateTime from, OffsetDateTime to) {
        checkFilter(source, from, to);
        return articles.count(blankToNull(source), from, to, config.limits().maxTotalCount());
    }

    private static void checkFilter(String source, OffsetDateTime from, OffsetDateTime to) {
        // PostgreSQL's text holds no NUL: such a filter could match nothing, and would fail in the database
        if (source != null && source.indexOf('\0') >= 0) {
            throw new ArticleException(ErrorCode.INVALID_ARGUMENT, "source must not contain a NUL character");
        }
        inRange(ErrorCode.INVALID_ARGUMENT, "publishedFrom", from);
        inRange(ErrorCode.INVALID_ARGUMENT, "publishedTo", to);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ArticleException(ErrorCode.INVALID_ARGUMENT, "publishedFrom must be before publishedTo");
        }
    }

    /** One hit of a search with its position. */
    private record RankedHit(ArticleRepository.SearchHit hit, int position) {
    }

    @Transactional
    public SearchPage search(String query, PageWindow window) {
        String q = searchQuery(query);
        Integer position = window.cursor() == null ? null : Cursors.parseSearch(window.cursor(), q);
        PageWindow.Page<RankedHit> page = window.positional(position, () -> searchCount(q), (from, n) -> {
            List<ArticleRepository.SearchHit> hits = articles.search(q, from, n, config.limits().searchCandidates());
            List<RankedHit> out = new java.util.ArrayList<>(hits.size());
            for (int i = 0; i < hits.size(); i++) {
                out.add(new RankedHit(hits.get(i), from + i));
            }
            return out;
        });
        var byId = new java.util.HashMap<UUID, Article>();
        for (Article a : articles.findAll(page.items().stream().map(h -> h.hit().id()).toList())) {
            byId.put(a.id, a);
        }
        List<SearchResult> results = new java.util.ArrayList<>();
        for (RankedHit h : page.items()) {
            Article a = byId.get(h.hit().id());
            if (a != null) {
                results.add(new SearchResult(a, h.hit().rank(), h.hit().headline(), h.position()));
            }
        }
        return new SearchPage(results, page.hasPreviousPage(), page.hasNextPage());
    }

    /** Matches of the search among the newest {@code limits.search-candidates} (the set it ranks). */
    @Transactional
    public int searchCount(String query) {
        return articles.countSearch(searchQuery(query), config.limits().searchCandidates());
    }

    private String searchQuery(String query) {
        if (query == null || query.isBlank()) {
            throw new ArticleException(ErrorCode.INVALID_ARGUMENT, "query is required");
        }
        if (query.length() > config.limits().maxQueryLength()) {
            throw new ArticleException(ErrorCode.QUERY_TOO_LONG,
                    "query is longer than " + config.limits().maxQueryLength() + " characters");
        }
        return CONTROL.matcher(query).replaceAll(" ").strip();
    }

    /**
     * The page a client asked for: {@code first}/{@code after} forward, {@code last}/{@code before} backward, 0 to
     * {@code limits.max-page-size} rows (0 answers an empty page that still says whether rows follow).
     */
    public PageWindow window(Integer first, String after, Integer last, String before) {
        try {
            return PageWindow.of(first, after, last, before, config.limits().defaultPageSize(),
                    config.limits().maxPageSize());
        } catch (IllegalArgumentException e) {
            throw new ArticleException(ErrorCode.INVALID_ARGUMENT, e.getMessage());
        }
    }

    public ParsedArticle parsed(Article a) {
        return codec.read(a.parsed);
    }

    private void apply(Article a, ArticleDraft d, ParsedArticle parsed) {
        a.title = d.title() != null ? d.title() : parsed.title();
        a.body = d.body();
        a.url = d.url();
        a.source = d.source();
        a.publishedAt = d.publishedAt() == null ? null : d.publishedAt().truncatedTo(ChronoUnit.MICROS);
        a.sortAt = a.publishedAt != null ? a.publishedAt : a.createdAt;
        a.language = d.language();
        a.parsed = codec.write(parsed);
        a.wordCount = parsed.wordCount();
        a.contentHash = hash(d, parsed);
        a.updatedAt = now();
        a.processingState = ProcessingState.PENDING;
        a.processingAttempts = 0;
        a.processingLastError = null;
    }

    /**
     * The stored article read again for a redelivery. The format it was given in is not stored: read as AUTO, which
     * differs only for a format forced against what the text looks like; then the layout would not match the parts
     * served, and none is sent.
     */
    private ArticleParser.Reading reread(Article a) {
        ArticleParser.Reading r = parser.read(a.body, TextFormat.AUTO, a.title);
        return r.article().equals(parsed(a)) ? r : new ArticleParser.Reading(r.text(), r.article(), List.of());
    }

    private void publishChange(Article a, ArticleParser.Reading reading) {
        // entities-service reads what the parser read (no markup, in the format the parser read it in), learns which
        // ranges are quotes and sources, and where each rendered part's characters are, to place its mentions there
        ExtractionText.Text text = ExtractionText.read(reading.text());
        ExtractionRequest request = new ExtractionRequest(a.id.toString(), a.version, a.title, text.text(),
                a.publishedAt == null ? null : java.time.format.DateTimeFormatter.ISO_INSTANT.format(a.publishedAt),
                a.createdAt == null ? null : java.time.format.DateTimeFormatter.ISO_INSTANT.format(a.createdAt),
                text.parts(), reading.layout().isEmpty() ? null : reading.layout());
        outbox.enqueueChanged(a.id, a.version, codec.writeValue(request));
    }

    /** Trims, drops control characters, enforces presence, lengths and shapes. */
    ArticleDraft validate(ArticleDraft d) {
        String body = d.body() == null ? null : CONTROL.matcher(d.body()).replaceAll("");
        if (body == null || body.isBlank()) {
            throw new ArticleException(ErrorCode.MISSING_BODY, "body is required and must not be blank");
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > config.limits().maxBodyBytes()) {
            throw new ArticleException(ErrorCode.BODY_TOO_LARGE,
                    "body is larger than " + config.limits().maxBodyBytes() + " bytes");
        }
        String url = field("url", d.url());
        if (url != null) {
            try {
                URI uri = new URI(url);
                if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
                    throw new URISyntaxException(url, "not http(s)");
                }
            } catch (URISyntaxException e) {
                throw new ArticleException(ErrorCode.INVALID_FIELD, "url must be an absolute http or https URL");
            }
        }
        String language = field("language", d.language());
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw new ArticleException(ErrorCode.INVALID_FIELD, "language must be a language tag such as en or en-GB");
        }
        inRange(ErrorCode.INVALID_FIELD, "publishedAt", d.publishedAt());
        return new ArticleDraft(field("title", d.title()), body, url, field("source", d.source()), d.publishedAt(),
                language, field("externalId", d.externalId()), d.format() == null ? TextFormat.AUTO : d.format());
    }

    private static void inRange(ErrorCode code, String name, OffsetDateTime value) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            throw new ArticleException(code, name + " must be a date between the years 1 and 9999");
        }
    }

    private String field(String name, String value) {
        if (value == null) {
            return null;
        }
        String v = CONTROL.matcher(value).replaceAll("").strip();
        if (v.isEmpty()) {
            return null;
        }
        if (v.length() > config.limits().maxFieldLength()) {
            throw new ArticleException(ErrorCode.INVALID_FIELD,
                    name + " is longer than " + config.limits().maxFieldLength() + " characters");
        }
        return v;
    }

    private static String hash(ArticleDraft d, ParsedArticle parsed) {
        String title = d.title() != null ? d.title() : parsed.title();
        String joined = String.join("\u0000", String.valueOf(title), d.body(), String.valueOf(d.url()),
                String.valueOf(d.source()),
                String.valueOf(d.publishedAt() == null ? null : d.publishedAt().toInstant().truncatedTo(ChronoUnit.MICROS)),
                String.valueOf(d.language()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkVersion(Article a, long expected) {
        if (a.version != expected) {
            throw new ArticleException(ErrorCode.VERSION_CONFLICT,
                    "article " + a.id + " is at version " + a.version + ", not " + expected);
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static ArticleException notFound(UUID id) {
        return new ArticleException(ErrorCode.ARTICLE_NOT_FOUND, "no article with id " + id);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
