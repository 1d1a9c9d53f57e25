package io.newsgraph.entities.extraction.eval;

import io.newsgraph.entities.extraction.engine.NerEngine;
import io.newsgraph.entities.extraction.engine.NerEngines;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores the raw engine and the pipeline on CoNLL files, each file a labelled set scored on its own: precision, recall
 * and F1 per type, strict and lenient, side by side, then one summary line per set.
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
        for (Path file : files) {
            if (!java.nio.file.Files.isReadable(file)) {
                System.err.println("cannot read " + file);
                System.exit(2);
            }
        }
        long loadStart = System.nanoTime();
        try (NerEngine engine = NerEngines.create(engineName, 1)) {
            System.out.printf("engine %s loaded in %.1f s%n", engine.name(), (System.nanoTime() - loadStart) / 1e9);
            Map<String, NerEvaluation.Result> bySet = new LinkedHashMap<>();
            for (Path file : files) {
                List<LabelledDocument> docs = ConllReader.read(file);
                docs = docs.subList(0, Math.min(limit, docs.size()));
                long started = System.nanoTime();
                NerEvaluation.Result result = new NerEvaluation(engine).run(docs);
                String set = file.getFileName().toString().replaceFirst("\\.conll$", "");
                System.out.printf("%n%s: %d documents, %d tokens, %.1f s%n%n", set, result.documents(),
                        result.tokens(), (System.nanoTime() - started) / 1e9);
                print(result, System.out);
                bySet.put(set, result);
            }
            System.out.printf("%nPER+ORG+LOC micro F1, strict / lenient%n%n");
            summary(bySet, System.out);
        }
    }

    public static void print(NerEvaluation.Result result, PrintStream out) {
        out.println("| type | gold | raw P | raw R | raw F1 | pipeline P | pipeline R | pipeline F1 "
                + "| raw F1 lenient | pipeline F1 lenient |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String type : NerEvaluation.TYPES) {
            row(out, type, result.raw().counts(type), result.pipeline().counts(type),
                    result.rawLenient().counts(type), result.pipelineLenient().counts(type));
        }
        row(out, "PER+ORG+LOC", result.raw().overall(NAMES), result.pipeline().overall(NAMES),
                result.rawLenient().overall(NAMES), result.pipelineLenient().overall(NAMES));
        Set<String> all = NerEvaluation.scoredTypes();
        row(out, "all", result.raw().overall(all), result.pipeline().overall(all),
                result.rawLenient().overall(all), result.pipelineLenient().overall(all));
    }

    /** One line per set: PER+ORG+LOC micro F1 of both sides, strict and lenient. */
    public static void summary(Map<String, NerEvaluation.Result> bySet, PrintStream out) {
        out.println("| set | gold | raw strict | pipeline strict | raw lenient | pipeline lenient |");
        out.println("|---|---:|---:|---:|---:|---:|");
        bySet.forEach((set, r) -> out.println(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f |",
                set, r.raw().overall(NAMES).gold(), r.raw().overall(NAMES).f1(), r.pipeline().overall(NAMES).f1(),
                r.rawLenient().overall(NAMES).f1(), r.pipelineLenient().overall(NAMES).f1())));
    }

    private static final Set<String> NAMES = Set.of("PER", "ORG", "LOC");

    private static void row(PrintStream out, String type, Scores.Counts raw, Scores.Counts pipeline,
                            Scores.Counts rawLenient, Scores.Counts pipelineLenient) {
        out.println(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |",
                type, raw.gold(), raw.precision(), raw.recall(), raw.f1(),
                pipeline.precision(), pipeline.recall(), pipeline.f1(), rawLenient.f1(), pipelineLenient.f1()));
    }
}
