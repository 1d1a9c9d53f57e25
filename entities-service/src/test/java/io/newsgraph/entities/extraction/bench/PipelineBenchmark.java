package io.newsgraph.entities.extraction.bench;

import io.newsgraph.entities.extraction.ArticleText;
import io.newsgraph.entities.extraction.NewsExtractionPipeline;
import io.newsgraph.entities.extraction.engine.NerEngine;
import io.newsgraph.entities.extraction.engine.NerEngines;
import io.newsgraph.entities.extraction.eval.ConllReader;
import io.newsgraph.entities.extraction.eval.LabelledDocument;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of the whole pipeline beside the raw engine's, in the same run, on one thread (so words per second
 * are per core): articles of about 500 words (the seed article, and wikigold text packed into 500-word articles
 * whose first sentence is the title). Rounds alternate raw and pipeline passes over the same articles after a
 * warm-up. Not part of the build; run it with
 *
 * <pre>
 * MAVEN_OPTS=-Xmx3g mvn -B -ntp -q -pl entities-service test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.newsgraph.entities.extraction.bench.PipelineBenchmark -Dexec.args="5"
 * </pre>
 * The argument is the number of measured rounds (default 5).
 */
public final class PipelineBenchmark {

    private static final int WORDS_PER_ARTICLE = 500;

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<ArticleText> articles = articles();
        long words = articles.stream().mapToLong(a -> words(a.title()) + words(a.body())).sum();
        System.out.printf(Locale.ROOT, "%d articles, %d words (%.0f per article)%n", articles.size(), words,
                (double) words / articles.size());
        long loadStart = System.nanoTime();
        try (NerEngine engine = NerEngines.create(NerEngines.NLP4J, 1)) {
            System.out.printf(Locale.ROOT, "engine %s loaded in %.1f s%n", engine.name(),
                    (System.nanoTime() - loadStart) / 1e9);
            NewsExtractionPipeline pipeline = new NewsExtractionPipeline(engine);
            for (int i = 0; i < 3; i++) {
                raw(engine, articles);
                pipeline(pipeline, articles);
            }
            List<Long> rawNanos = new ArrayList<>();
            List<Long> pipelineNanos = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                if (round % 2 == 0) {
                    rawNanos.addAll(raw(engine, articles));
                    pipelineNanos.addAll(pipeline(pipeline, articles));
                } else {
                    pipelineNanos.addAll(pipeline(pipeline, articles));
                    rawNanos.addAll(raw(engine, articles));
                }
            }
            double rawRate = rate(words * rounds, rawNanos);
            double pipelineRate = rate(words * rounds, pipelineNanos);
            System.out.println("| run | words/s (1 core) | p50 ms / article | p99 ms / article |");
            System.out.println("|---|---:|---:|---:|");
            row("raw engine (" + engine.name() + ")", rawRate, rawNanos);
            row("pipeline", pipelineRate, pipelineNanos);
            System.out.printf(Locale.ROOT, "pipeline / raw engine speed: %.2f%n", pipelineRate / rawRate);
        }
    }

    private static List<Long> raw(NerEngine engine, List<ArticleText> articles) {
        List<Long> nanos = new ArrayList<>(articles.size());
        for (ArticleText a : articles) {
            long t = System.nanoTime();
            engine.annotate(a.title());
            engine.annotate(a.body());
            nanos.add(System.nanoTime() - t);
        }
        return nanos;
    }

    private static List<Long> pipeline(NewsExtractionPipeline pipeline, List<ArticleText> articles) {
        List<Long> nanos = new ArrayList<>(articles.size());
        for (ArticleText a : articles) {
            long t = System.nanoTime();
            pipeline.extract(a);
            nanos.add(System.nanoTime() - t);
        }
        return nanos;
    }

    private static double rate(long words, List<Long> nanos) {
        return words / (nanos.stream().mapToLong(Long::longValue).sum() / 1e9);
    }

    private static void row(String name, double rate, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.1f | %.1f |%n", name, rate, percentile(sorted, 50) / 1e6,
                percentile(sorted, 99) / 1e6);
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static long words(String text) {
        return Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).count();
    }

    static List<ArticleText> articles() throws IOException, URISyntaxException {
        LocalDate reference = LocalDate.of(2024, 10, 9);
        List<ArticleText> articles = new ArrayList<>();
        String seed;
        try (InputStream in = PipelineBenchmark.class.getResourceAsStream("/extraction/seed-article.txt")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int firstBreak = seed.indexOf('\n');
        articles.add(new ArticleText(seed.substring(0, firstBreak), seed.substring(firstBreak + 1), reference));

        Path slice = Path.of(PipelineBenchmark.class.getResource("/extraction/wikigold-slice.conll").toURI());
        List<String> sentences = new ArrayList<>();
        for (LabelledDocument doc : ConllReader.read(slice)) {
            for (String s : doc.text().split("\n")) {
                if (!s.isBlank()) {
                    sentences.add(s);
                }
            }
        }
        String title = null;
        StringBuilder body = new StringBuilder();
        long count = 0;
        for (String s : sentences) {
            if (title == null) {
                title = s;
                count = words(s);
                continue;
            }
            body.append(s).append('\n');
            count += words(s);
            if (count >= WORDS_PER_ARTICLE) {
                articles.add(new ArticleText(title, body.toString(), reference));
                title = null;
                body.setLength(0);
            }
        }
        return articles;
    }
}
