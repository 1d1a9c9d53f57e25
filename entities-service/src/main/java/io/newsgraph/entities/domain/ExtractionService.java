package io.newsgraph.entities.domain;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsgraph.contract.ExtractionRequest;
import io.newsgraph.entities.config.EntitiesConfig;
import io.newsgraph.entities.extraction.ArticleText;
import io.newsgraph.entities.extraction.ExtractionPipeline;
import io.newsgraph.entities.extraction.ExtractionResult;
import io.newsgraph.entities.extraction.Mention;
import io.newsgraph.entities.extraction.TextPart;
import io.newsgraph.entities.location.ArticleLayout;
import io.newsgraph.entities.location.ArticlePart;
import io.newsgraph.entities.persistence.ExtractionRecords;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Receives article deliveries: checks them, runs the pipeline outside any transaction (it is CPU-bound and may take
 * a while) and hands the result to {@link ArticleGraphUpdater}, which stores it in one transaction.
 */
@ApplicationScoped
public class ExtractionService {

    /** Article ids travel as one path segment: printable, no slash, no whitespace. */
    private static final Pattern ARTICLE_ID = Pattern.compile("[A-Za-z0-9._:~-]+");

    @Inject
    ExtractionPipeline pipeline;

    @Inject
    ArticleGraphUpdater updater;

    @Inject
    ExtractionRecords records;

    @Inject
    GraphWriteRetry retry;

    @Inject
    EntitiesConfig config;

    @Inject
    MeterRegistry metrics;

    /** Extracts and stores one article version; an older or equal version changes nothing. */
    public ApplyOutcome receive(String pathArticleId, ExtractionRequest request) {
        checkArticleId(pathArticleId);
        if (request == null) {
            throw new InvalidInputException("MISSING_BODY", "the request needs a JSON body");
        }
        if (request.articleId() != null && !request.articleId().equals(pathArticleId)) {
            throw new InvalidInputException("ARTICLE_ID_MISMATCH", "articleId in the body differs from the path");
        }
        if (request.version() < 1) {
            throw new InvalidInputException("INVALID_VERSION", "version must be 1 or more");
        }
        if (request.body() == null) {
            throw new InvalidInputException("MISSING_BODY_TEXT", "body is required");
        }
        checkText(request.body(), "body");
        if (request.title() != null && request.title().length() > config.limits().maxTitleChars()) {
            throw new InvalidInputException("TITLE_TOO_LONG",
                    "title is longer than " + config.limits().maxTitleChars() + " characters");
        }
        ArticleLayout layout = layout(request);
        ArticleText text = new ArticleText(request.title(), request.body(),
                PublishedDates.reference(request.publishedAt(), request.ingestedAt(), Clock.systemUTC()),
                parts(request));

        // a cheap read first, so a repeated delivery costs no extraction; the transaction checks again under the article's lock
        Optional<Long> stored = records.storedVersion(pathArticleId);
        if (stored.isPresent() && stored.get() >= request.version()) {
            count(ApplyOutcome.UNCHANGED);
            return ApplyOutcome.UNCHANGED;
        }
        ExtractionResult result = extract(text);
        int mentions = result.entities().stream().mapToInt(e -> e.mentions() == null ? 0 : e.mentions().size()).sum();
        if (mentions > config.limits().maxMentionsPerArticle()) {
            throw new InvalidInputException("TOO_MANY_MENTIONS",
                    "the text yields more than " + config.limits().maxMentionsPerArticle() + " mentions");
        }
        checkOffsets(text, result);
        ApplyOutcome outcome = retry.run(() -> updater.replace(pathArticleId, request.version(), result, layout));
        count(outcome);
        return outcome;
    }

    /** The delivery's quoted and listed ranges; kinds this side does not know are ignored. */
    private List<TextPart> parts(ExtractionRequest request) {
        List<ExtractionRequest.Part> given = request.parts() == null ? List.of() : request.parts();
        if (given.size() > config.limits().maxParts()) {
            throw new InvalidInputException("TOO_MANY_PARTS", "at most " + config.limits().maxParts() + " parts");
        }
        List<TextPart> parts = new ArrayList<>();
        for (ExtractionRequest.Part p : given) {
            if (p == null || p.start() < 0 || p.end() <= p.start() || p.end() > request.body().length()) {
                throw new InvalidInputException("INVALID_PART", "each part needs 0 <= start < end <= body length");
            }
            switch (p.kind() == null ? "" : p.kind()) {
                case ExtractionRequest.EMBEDDED_POST -> parts.add(new TextPart(TextPart.Kind.EMBEDDED_POST, p.start(), p.end()));
                case ExtractionRequest.SOURCES -> parts.add(new TextPart(TextPart.Kind.SOURCES, p.start(), p.end()));
                default -> {
                    // a kind added later by the sender: its text is read as prose
                }
            }
        }
        return parts;
    }

    /**
     * The delivery's layout, checked: pieces inside the body and their part's text; parts this side does not know are
     * dropped (their mentions just have no location there).
     */
    private ArticleLayout layout(ExtractionRequest request) {
        if (request.layout() == null) {
            return ArticleLayout.NONE;
        }
        List<ArticleLayout.Part> parts = new ArrayList<>();
        int pieces = 0;
        for (ExtractionRequest.LayoutPart p : request.layout()) {
            if (p == null || p.part() == null || p.pieces() == null
                    || (p.index() != null && p.index() < 0) || (p.paragraph() != null && p.paragraph() < 0)) {
                throw new InvalidInputException("INVALID_LAYOUT", "each layout part needs a part name, pieces and"
                        + " indexes of 0 or more");
            }
            pieces += p.pieces().size();
            if (pieces > config.limits().maxLayoutPieces()) {
                throw new InvalidInputException("LAYOUT_TOO_LARGE",
                        "at most " + config.limits().maxLayoutPieces() + " layout pieces");
            }
            List<ArticleLayout.Piece> checked = new ArrayList<>(p.pieces().size());
            for (ExtractionRequest.Piece piece : p.pieces()) {
                if (piece == null || piece.bodyStart() < 0 || piece.length() < 1 || piece.partStart() < 0
                        || piece.bodyStart() > request.body().length() - piece.length()) {
                    throw new InvalidInputException("INVALID_LAYOUT",
                            "each layout piece needs 0 <= bodyStart, 1 <= length, bodyStart + length <= body length"
                                    + " and 0 <= partStart");
                }
                checked.add(new ArticleLayout.Piece(piece.bodyStart(), piece.length(), piece.partStart()));
            }
            ArticlePart part;
            try {
                part = ArticlePart.valueOf(p.part());
            } catch (IllegalArgumentException e) {
                continue; // a part added later by the sender
            }
            parts.add(new ArticleLayout.Part(part, p.index(), p.paragraph(), checked));
        }
        return new ArticleLayout(parts);
    }

    /** Removes an article's mentions; unknown ids are fine. */
    public ApplyOutcome delete(String articleId) {
        checkArticleId(articleId);
        ApplyOutcome outcome = retry.run(() -> updater.delete(articleId));
        count(outcome);
        return outcome;
    }

    /** Runs the pipeline on a text without storing anything; a span of its own in the delivery's trace (no text in it). */
    @WithSpan("extraction")
    public ExtractionResult extract(ArticleText text) {
        checkText(text.body(), "text");
        Timer.Sample sample = Timer.start(metrics);
        ExtractionResult result = pipeline.extract(text);
        sample.stop(metrics.timer("newsgraph.extraction.duration"));
        Span.current().setAttribute("newsgraph.extraction.entities", (long) result.entities().size());
        return result;
    }

    /** Rejects texts over the configured size. */
    public void checkText(String text, String what) {
        if (text.length() > config.limits().maxTextChars()) {
            throw new InvalidInputException("TEXT_TOO_LONG",
                    what + " is longer than " + config.limits().maxTextChars() + " characters");
        }
    }

    private void checkArticleId(String id) {
        if (id == null || id.isEmpty() || id.length() > config.limits().maxIdChars()
                || !ARTICLE_ID.matcher(id).matches()) {
            throw new InvalidInputException("INVALID_ARTICLE_ID",
                    "article ids are 1 to " + config.limits().maxIdChars() + " characters of A-Z a-z 0-9 . _ : ~ -");
        }
    }

    /** Stored offsets must point into the stored text: a pipeline result that does not is refused, not stored. */
    private static void checkOffsets(ArticleText text, ExtractionResult result) {
        for (var e : result.entities()) {
            for (Mention m : e.mentions() == null ? java.util.List.<Mention>of() : e.mentions()) {
                String field = m.field() == Mention.Field.TITLE ? text.title() : text.body();
                if (field == null || m.start() < 0 || m.end() > field.length() || m.start() >= m.end()) {
                    throw new IllegalStateException("pipeline produced a mention outside its text: " + m);
                }
            }
        }
    }

    private void count(ApplyOutcome outcome) {
        metrics.counter("newsgraph.extractions", "outcome", outcome.name().toLowerCase()).increment();
    }
}
