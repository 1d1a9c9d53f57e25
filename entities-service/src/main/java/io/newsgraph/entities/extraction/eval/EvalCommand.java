package io.newsgraph.entities.extraction.eval;

import io.newsgraph.entities.extraction.engine.NerEngine;
import io.newsgraph.entities.extraction.engine.NerEngines;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores the raw engine and the pipeline on CoNLL files and prints precision, recall and F1 per type side by side.
 *
 * <pre>
 * MAVEN_OPTS=-Xmx3g mvn -B -ntp -q -pl entities-service compile exec:java \
 *   -Dexec.mainClass=io.newsgraph.entities.extraction.eval.EvalCommand \
 *   -Dexec.args="../shared/ner-eval/wikigold.conll"
 * </pre>
 * Options: {@code --engine NAME} (default nlp4j), {@code --limit N} (first N documents of each file).
 */
public final class EvalCommand {

    private EvalCommand() {
    }

    public static void main(String[] args) throws Exception {
        String engineName = NerEngines.NLP4J;
        int limit = Integer.MAX_VALUE;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--engine" -> engineName = args[++i];
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: EvalCommand [--engine nlp4j] [--limit N] FILE.conll...");
            System.exit(2);
        }
        List<LabelledDocument> documents = new ArrayList<>();
        for (Path file : files) {
            List<LabelledDocument> docs = ConllReader.read(file);
            documents.addAll(docs.subList(0, Math.min(limit, docs.size())));
        }
        long loadStart = System.nanoTime();
        try (NerEngine engine = NerEngines.create(engineName, 1)) {
            System.out.printf("engine %s loaded in %.1f s%n", engine.name(), (System.nanoTime() - loadStart) / 1e9);
            long started = System.nanoTime();
            NerEvaluation.Result result = new NerEvaluation(engine).run(documents);
            System.out.printf("%d documents, %d tokens, %.1f s%n", result.documents(), result.tokens(),
                    (System.nanoTime() - started) / 1e9);
            print(result, System.out);
        }
    }

    public static void print(NerEvaluation.Result result, PrintStream out) {
        out.println("| type | gold | raw P | raw R | raw F1 | pipeline P | pipeline R | pipeline F1 |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (String type : NerEvaluation.TYPES) {
            row(out, type, result.raw().counts(type), result.pipeline().counts(type));
        }
        row(out, "PER+ORG+LOC", result.raw().overall(java.util.Set.of("PER", "ORG", "LOC")),
                result.pipeline().overall(java.util.Set.of("PER", "ORG", "LOC")));
        row(out, "all", result.raw().overall(NerEvaluation.scoredTypes()),
                result.pipeline().overall(NerEvaluation.scoredTypes()));
    }

    private static void row(PrintStream out, String type, Scores.Counts raw, Scores.Counts pipeline) {
        out.println(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |", type,
                raw.gold(), raw.precision(), raw.recall(), raw.f1(),
                pipeline.precision(), pipeline.recall(), pipeline.f1()));
    }
}
