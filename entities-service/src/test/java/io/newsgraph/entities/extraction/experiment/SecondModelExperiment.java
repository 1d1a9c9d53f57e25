package io.newsgraph.entities.extraction.experiment;

import io.newsgraph.entities.extraction.ArticleText;
import io.newsgraph.entities.extraction.NewsExtractionPipeline;
import io.newsgraph.entities.extraction.bench.PipelineBenchmark;
import io.newsgraph.entities.extraction.engine.Annotation;
import io.newsgraph.entities.extraction.engine.NerEngine;
import io.newsgraph.entities.extraction.engine.NerEngines;
import io.newsgraph.entities.extraction.engine.Sentence;
import io.newsgraph.entities.extraction.engine.Token;
import io.newsgraph.entities.extraction.eval.ConllReader;
import io.newsgraph.entities.extraction.eval.GoldSpan;
import io.newsgraph.entities.extraction.eval.LabelledDocument;
import io.newsgraph.entities.extraction.eval.NerEvaluation;
import io.newsgraph.entities.extraction.eval.Scores;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The second-model experiment of docs/extraction.md: trains an OpenNLP perceptron name finder on CC BY training
 * splits (never an evaluation document) with local features, prefixes, suffixes, NLP4J's tags and the Brown clusters
 * nlp4j-english ships, stacks it on NLP4J ({@link CombinedEngine}) and measures, in one run, PER+ORG+LOC micro F1 of
 * the current pipeline and of the pipeline over the combination on each set, and the words per CPU-second of both
 * whole pipelines.
 *
 * <pre>
 * python3 entities-service/eval-data/export_train.py BTC.git WNUT17.git GUM.git /work/ner-data
 * MAVEN_OPTS=-Xmx4g mvn -B -ntp -q -pl entities-service test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.newsgraph.entities.extraction.experiment.SecondModelExperiment \
 *   -Dexec.args="--train /work/ner-data/train.conll --model /tmp/second-model.bin \
 *     /work/ner-data/btc-g.conll /work/ner-data/wnut17-test.conll /work/ner-data/gum-news.conll \
 *     $PWD/../shared/ner-eval/wikigold.conll"
 * </pre>
 * Options: {@code --iterations N} (perceptron, default 100), {@code --rounds N} (benchmark rounds, default 4).
 */
public final class SecondModelExperiment {

    private static final Set<String> NAMES = Set.of("PER", "ORG", "LOC");
    private static final Set<String> NEWS_SETS = Set.of("btc-g", "wnut17-test", "gum-news");

    private SecondModelExperiment() {
    }

    public static void main(String[] args) throws Exception {
        Path train = null;
        Path modelOut = null;
        int iterations = 100;
        int rounds = 4;
        List<Path> sets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--train" -> train = Path.of(args[++i]);
                case "--model" -> modelOut = Path.of(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> sets.add(Path.of(args[i]));
            }
        }
        if (train == null || sets.isEmpty()) {
            System.err.println("usage: SecondModelExperiment --train TRAIN.conll [--model OUT.bin] SET.conll...");
            System.exit(2);
        }
        factory().createContextGenerator(); // a bad feature descriptor fails here, before minutes of annotation
        try (NerEngine nlp4j = NerEngines.create(NerEngines.NLP4J, 1)) {
            ContextFeatures features = new ContextFeatures(BrownClusters.load(BrownClusters.NEWS),
                    BrownClusters.load(BrownClusters.TWITTER));
            long started = System.nanoTime();
            List<NameSample> samples = samples(nlp4j, features, ConllReader.read(train));
            System.out.printf(Locale.ROOT, "training samples: %d sentences, annotated in %.1f s%n", samples.size(),
                    (System.nanoTime() - started) / 1e9);
            started = System.nanoTime();
            TokenNameFinderModel model = train(samples, iterations);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            model.serialize(bytes);
            System.out.printf(Locale.ROOT, "trained in %.1f s (%d perceptron iterations); model %.1f MB%n",
                    (System.nanoTime() - started) / 1e9, iterations, bytes.size() / 1e6);
            if (modelOut != null) {
                Files.write(modelOut, bytes.toByteArray());
            }
            CombinedEngine combined = new CombinedEngine(nlp4j, model, features);
            quality(nlp4j, combined, sets);
            throughput(nlp4j, combined, rounds);
        }
    }

    /** One sample per sentence, NLP4J's tokens; a gold name whose edges fall inside a token is left out. */
    static List<NameSample> samples(NerEngine nlp4j, ContextFeatures features, List<LabelledDocument> docs) {
        List<NameSample> samples = new ArrayList<>();
        int names = 0;
        int misaligned = 0;
        for (LabelledDocument doc : docs) {
            Annotation annotation = nlp4j.annotate(doc.text());
            boolean first = true;
            for (Sentence s : annotation.sentences()) {
                List<Token> tokens = s.tokens();
                List<Span> spans = new ArrayList<>();
                for (GoldSpan g : doc.spans()) {
                    if (!NAMES.contains(g.type()) || g.start() < s.start() || g.end() > s.end()) {
                        continue;
                    }
                    names++;
                    int from = -1;
                    int to = -1;
                    for (int i = 0; i < tokens.size(); i++) {
                        if (tokens.get(i).start() == g.start()) {
                            from = i;
                        }
                        if (tokens.get(i).end() == g.end()) {
                            to = i + 1;
                        }
                    }
                    if (from < 0 || to <= from) {
                        misaligned++;
                        continue;
                    }
                    spans.add(new Span(from, to, g.type()));
                }
                String[] words = tokens.stream().map(Token::text).toArray(String[]::new);
                samples.add(new NameSample(words, dropOverlaps(spans), features.of(s), first));
                first = false;
            }
        }
        System.out.printf(Locale.ROOT, "training names: %d, %d left out (edges inside a token)%n", names, misaligned);
        return samples;
    }

    private static Span[] dropOverlaps(List<Span> spans) {
        spans.sort(java.util.Comparator.comparingInt(Span::getStart));
        List<Span> kept = new ArrayList<>();
        for (Span s : spans) {
            if (kept.isEmpty() || kept.getLast().getEnd() <= s.getStart()) {
                kept.add(s);
            }
        }
        return kept.toArray(Span[]::new);
    }

    static TokenNameFinderModel train(List<NameSample> samples, int iterations) throws Exception {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, "PERCEPTRON");
        params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        return NameFinderME.train("en", null, ObjectStreamUtils.createObjectStream(samples), params, factory());
    }

    private static TokenNameFinderFactory factory() throws Exception {
        try (InputStream in = SecondModelExperiment.class.getResourceAsStream("/extraction/experiment/features.xml")) {
            return new TokenNameFinderFactory(in.readAllBytes(), Map.of(), new BioCodec());
        }
    }

    private static void quality(NerEngine nlp4j, NerEngine combined, List<Path> sets) throws Exception {
        System.out.println();
        System.out.println("| set | gold | pipeline strict | combination strict | pipeline lenient "
                + "| combination lenient | combination alone strict | PER / ORG / LOC strict F1, pipeline "
                + "| PER / ORG / LOC strict F1, combination |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---|---|");
        long[] newsCurrent = new long[6];
        long[] newsCombined = new long[6];
        for (Path file : sets) {
            String set = file.getFileName().toString().replaceFirst("\\.conll$", "");
            List<LabelledDocument> docs = ConllReader.read(file);
            NerEvaluation.Result current = new NerEvaluation(nlp4j).run(docs);
            NerEvaluation.Result stacked = new NerEvaluation(combined).run(docs);
            Scores.Counts c = current.pipeline().overall(NAMES);
            Scores.Counts s = stacked.pipeline().overall(NAMES);
            System.out.println(String.format(Locale.ROOT,
                    "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %s | %s |", set, c.gold(), c.f1(), s.f1(),
                    current.pipelineLenient().overall(NAMES).f1(), stacked.pipelineLenient().overall(NAMES).f1(),
                    stacked.raw().overall(NAMES).f1(), byType(current.pipeline()), byType(stacked.pipeline())));
            if (NEWS_SETS.contains(set)) {
                add(newsCurrent, c, current.pipelineLenient().overall(NAMES));
                add(newsCombined, s, stacked.pipelineLenient().overall(NAMES));
            }
        }
        System.out.println(String.format(Locale.ROOT,
                "%nnews sets together (micro PER+ORG+LOC): pipeline %.3f strict / %.3f lenient, combination %.3f / %.3f",
                f1(newsCurrent, 0), f1(newsCurrent, 3), f1(newsCombined, 0), f1(newsCombined, 3)));
    }

    private static String byType(Scores scores) {
        return String.format(Locale.ROOT, "%.3f / %.3f / %.3f", scores.counts("PER").f1(), scores.counts("ORG").f1(),
                scores.counts("LOC").f1());
    }

    /** Adds true positives, predictions and gold of strict (0..2) and lenient (3..5) counts, for a micro average. */
    private static void add(long[] sums, Scores.Counts strict, Scores.Counts lenient) {
        int at = 0;
        for (Scores.Counts c : List.of(strict, lenient)) {
            long tp = Math.round(c.recall() * c.gold());
            sums[at] += tp;
            sums[at + 1] += c.precision() == 0 ? 0 : Math.round(tp / c.precision());
            sums[at + 2] += c.gold();
            at += 3;
        }
    }

    private static double f1(long[] sums, int at) {
        double p = sums[at + 1] == 0 ? 0 : (double) sums[at] / sums[at + 1];
        double r = sums[at + 2] == 0 ? 0 : (double) sums[at] / sums[at + 2];
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Words per CPU-second of both whole pipelines on PipelineBenchmark's articles, rounds alternating. */
    private static void throughput(NerEngine nlp4j, NerEngine combined, int rounds) throws Exception {
        List<ArticleText> articles = PipelineBenchmark.articles();
        long words = articles.stream().mapToLong(a -> PipelineBenchmark.words(a.title())
                + PipelineBenchmark.words(a.body())).sum();
        NewsExtractionPipeline current = new NewsExtractionPipeline(nlp4j);
        NewsExtractionPipeline stacked = new NewsExtractionPipeline(combined);
        for (int i = 0; i < 2; i++) {
            cpu(current, articles);
            cpu(stacked, articles);
        }
        long currentNanos = 0;
        long stackedNanos = 0;
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                currentNanos += cpu(current, articles);
                stackedNanos += cpu(stacked, articles);
            } else {
                stackedNanos += cpu(stacked, articles);
                currentNanos += cpu(current, articles);
            }
        }
        System.out.printf(Locale.ROOT, "%nwhole pipeline, words per CPU-second (one thread, %d articles, %d words, %d "
                + "rounds): current %.0f, with the combination %.0f%n", articles.size(), words, rounds,
                words * rounds / (currentNanos / 1e9), words * rounds / (stackedNanos / 1e9));
    }

    private static long cpu(NewsExtractionPipeline pipeline, List<ArticleText> articles) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (ArticleText a : articles) {
            pipeline.extract(a);
        }
        return THREADS.getCurrentThreadCpuTime() - start;
    }
}
