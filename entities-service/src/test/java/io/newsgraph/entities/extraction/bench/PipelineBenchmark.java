package io.newsgraph.entities.extraction.bench;

import io.newsgraph.entities.extraction.ArticleText;
import io.newsgraph.entities.extraction.NewsExtractionPipeline;
import io.newsgraph.entities.extraction.engine.NerEngine;
import io.newsgraph.entities.extraction.engine.NerEngines;
import io.newsgraph.entities.extraction.eval.ConllReader;
import io.newsgraph.entities.extraction.eval.LabelledDocument;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of the whole pipeline beside the raw engine's, in the same run, on one thread: articles of about 500
 * words (the seed article, and wikigold text packed into 500-word articles whose first sentence is the title).
 * Rounds alternate raw and pipeline passes over the same articles after a warm-up.
 *
 * <p>Each article is timed twice: by the thread's CPU time, which gives words per second per core even on a shared
 * machine, and by the wall clock, which is what a caller waits. Not part of the build; run it with
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
            Timings warmUp = new Timings();
            for (int i = 0; i < 3; i++) {
                raw(engine, articles, warmUp);
                pipeline(pipeline, articles, warmUp);
            }
            Timings rawTimes = new Timings();
            Timings pipelineTimes = new Timings();
            for (int round = 0; round < rounds; round++) {
                if (round % 2 == 0) {
                    raw(engine, articles, rawTimes);
                    pipeline(pipeline, articles, pipelineTimes);
                } else {
                    pipeline(pipeline, articles, pipelineTimes);
                    raw(engine, articles, rawTimes);
                }
            }
            long measuredWords = words * rounds;
            System.out.println("| run | words/s per core (CPU) | p50 / p99 ms per article (CPU) | words/s (wall) "
                    + "| p50 / p99 ms per article (wall) |");
            System.out.println("|---|---:|---:|---:|---:|");
            row("raw engine (" + engine.name() + ")", measuredWords, rawTimes);
            row("pipeline", measuredWords, pipelineTimes);
            System.out.printf(Locale.ROOT, "pipeline / raw engine speed: %.2f (CPU), %.2f (wall)%n",
                    rate(measuredWords, pipelineTimes.cpu) / rate(measuredWords, rawTimes.cpu),
                    rate(measuredWords, pipelineTimes.wall) / rate(measuredWords, rawTimes.wall));
        }
    }

    /** Per-article times of one run, CPU and wall, in nanoseconds. */
    private static final class Timings {
        final List<Long> cpu = new ArrayList<>();
        final List<Long> wall = new ArrayList<>();
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static void raw(NerEngine engine, List<ArticleText> articles, Timings times) {
        for (ArticleText a : articles) {
            timed(times, () -> {
                engine.annotate(a.title());
                engine.annotate(a.body());
            });
        }
    }

    private static void pipeline(NewsExtractionPipeline pipeline, List<ArticleText> articles, Timings times) {
        for (ArticleText a : articles) {
            timed(times, () -> pipeline.extract(a));
        }
    }

    private static void timed(Timings times, Runnable work) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        work.run();
        times.wall.add(System.nanoTime() - wall);
        times.cpu.add(THREADS.getCurrentThreadCpuTime() - cpu);
    }

    private static double rate(long words, List<Long> nanos) {
        return words / (nanos.stream().mapToLong(Long::longValue).sum() / 1e9);
    }

    private static void row(String name, long words, Timings times) {
        long[] cpu = times.cpu.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] wall = times.wall.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.1f / %.1f | %.0f | %.1f / %.1f |%n", name,
                rate(words, times.cpu), percentile(cpu, 50) / 1e6, percentile(cpu, 99) / 1e6,
                rate(words, times.wall), percentile(wall, 50) / 1e6, percentile(wall, 99) / 1e6);
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    public static long words(String text) {
        return Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).count();
    }

    public static List<ArticleText> articles() throws IOException, URISyntaxException {
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
