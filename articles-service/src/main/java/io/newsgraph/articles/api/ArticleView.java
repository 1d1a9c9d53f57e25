package io.newsgraph.articles.api;

import io.newsgraph.articles.domain.Article;
import io.newsgraph.articles.parse.ParsedArticle;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** An article as clients see it, in REST (JSON) and GraphQL (type {@code Article}, a federation entity). */
@Name("Article")
@Key(fields = @FieldSet("id"))
@Description("A news article: the text as given, its parsed parts and its delivery state.")
public record ArticleView(
        @Id @NonNull String id,
        @Description("Starts at 1; each content change adds one. Pass it back to update or delete.") int version,
        String externalId,
        String url,
        String source,
        @Description("BCP 47 language tag, as given") String language,
        OffsetDateTime publishedAt,
        @NonNull OffsetDateTime createdAt,
        @NonNull OffsetDateTime updatedAt,
        String title,
        @Description("The first paragraph of prose") String lede,
        @Description("The \"At a Glance\" style bullets") @NonNull List<@NonNull String> keyPoints,
        @NonNull List<@NonNull ArticleSection> sections,
        @NonNull List<@NonNull EmbeddedPost> embeddedPosts,
        @Description("The cited sources") @NonNull List<@NonNull CitedSource> sources,
        int wordCount,
        @Description("The text as given (stored as text; never rendered)") @NonNull String body,
        @NonNull ArticleProcessing processing) {

    @Name("ArticleSection")
    @Description("A heading (null for text before the first heading) and its paragraphs")
    public record ArticleSection(String heading, @NonNull List<@NonNull String> paragraphs) {
    }

    @Name("EmbeddedPost")
    @Description("A social media post quoted in the article")
    public record EmbeddedPost(String text, String author, @Description("e.g. @japantimes") String handle,
                               LocalDate date, String link,
                               @Description("Index into sections of the section the post appears in") int sectionIndex) {
    }

    @Name("CitedSource")
    public record CitedSource(@NonNull String text, String url) {
    }

    @Name("ArticleProcessing")
    @Description("Delivery of the newest version to entity extraction")
    public record ArticleProcessing(@NonNull ArticleProcessingState state, int attempts, String lastError) {
    }

    @Name("ArticleProcessingState")
    public enum ArticleProcessingState {
        PENDING, DONE, FAILED
    }

    public static ArticleView of(Article a, ParsedArticle p) {
        return new ArticleView(a.id.toString(), Math.toIntExact(a.version), a.externalId, a.url, a.source, a.language, a.publishedAt,
                a.createdAt, a.updatedAt, a.title, p.lede(), p.keyPoints(),
                p.sections().stream().map(s -> new ArticleSection(s.heading(), s.paragraphs())).toList(),
                p.embeddedPosts().stream().map(e -> new EmbeddedPost(e.text(), e.author(), e.handle(), e.date(),
                        e.link(), e.sectionIndex())).toList(),
                p.sources().stream().map(s -> new CitedSource(s.text(), s.url())).toList(),
                a.wordCount, a.body,
                new ArticleProcessing(ArticleProcessingState.valueOf(a.processingState.name()), a.processingAttempts,
                        a.processingLastError));
    }
}
