package io.newsgraph.entities.extraction.engine.nlp4j;

import edu.emory.mathcs.nlp.common.util.Language;
import edu.emory.mathcs.nlp.common.util.NLPUtils;
import edu.emory.mathcs.nlp.component.morph.MorphologicalAnalyzer;
import edu.emory.mathcs.nlp.component.template.NLPComponent;
import edu.emory.mathcs.nlp.component.template.lexicon.GlobalLexica;
import edu.emory.mathcs.nlp.component.template.node.NLPNode;
import edu.emory.mathcs.nlp.component.tokenizer.Tokenizer;
import edu.emory.mathcs.nlp.component.tokenizer.token.Token;
import edu.emory.mathcs.nlp.decode.NLPDecoder;
import io.newsgraph.entities.extraction.engine.Annotation;
import io.newsgraph.entities.extraction.engine.EngineSpan;
import io.newsgraph.entities.extraction.engine.NerEngine;
import io.newsgraph.entities.extraction.engine.Sentence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * NLP4J 1.1.3 (Emory NLP, Apache-2.0): tokenizer, part-of-speech tagger and OntoNotes named-entity tagger.
 *
 * <p>The lexica (word embeddings, Brown clusters, gazetteers: about 1.5 GB of heap) are read-only once loaded and
 * shared by all workers; each worker has its own tagger models (a few MB), because NLP4J does not document its
 * components as thread-safe. The dependency parser is not loaded: entity tags do not need it.
 *
 * <p>Text is decoded line by line: NLP4J's document reader loses offsets across lines, a line keeps them exact.
 */
public final class Nlp4jEngine implements NerEngine {

    private static final String LEXICA_CONFIG = "/extraction/nlp4j-lexica.xml";
    private static final String POS_MODEL = "edu/emory/mathcs/nlp/models/en-pos.xz";
    private static final String NER_MODEL = "edu/emory/mathcs/nlp/models/en-ner.xz";

    private final BlockingQueue<NLPDecoder> decoders;

    public Nlp4jEngine(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
        GlobalLexica<NLPNode> lexica;
        try (InputStream config = Nlp4jEngine.class.getResourceAsStream(LEXICA_CONFIG)) {
            lexica = new GlobalLexica<>(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        decoders = new ArrayBlockingQueue<>(workers);
        for (int i = 0; i < workers; i++) {
            decoders.add(newDecoder(lexica));
        }
    }

    private static NLPDecoder newDecoder(GlobalLexica<NLPNode> lexica) {
        NLPComponent<NLPNode> pos = NLPUtils.getComponent(POS_MODEL);
        NLPComponent<NLPNode> ner = NLPUtils.getComponent(NER_MODEL);
        NLPDecoder decoder = new NLPDecoder();
        decoder.setTokenizer(NLPUtils.createTokenizer(Language.ENGLISH));
        decoder.setComponents(List.of(lexica, pos, new MorphologicalAnalyzer<>(Language.ENGLISH), ner));
        return decoder;
    }

    @Override
    public String name() {
        return "nlp4j-1.1.3";
    }

    @Override
    public Annotation annotate(String text) {
        NLPDecoder decoder;
        try {
            decoder = decoders.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a NER worker", e);
        }
        try {
            return decode(decoder, text);
        } finally {
            decoders.add(decoder);
        }
    }

    private static Annotation decode(NLPDecoder decoder, String text) {
        List<Sentence> sentences = new ArrayList<>();
        Tokenizer tokenizer = decoder.getTokenizer();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            if (!line.isBlank()) {
                for (List<Token> tokens : tokenizer.segmentize(line)) {
                    if (!tokens.isEmpty()) {
                        NLPNode[] nodes = decoder.toNodeArray(tokens);
                        decoder.decode(nodes);
                        sentences.add(toSentence(nodes, lineStart, text));
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
        return new Annotation(text, List.copyOf(sentences));
    }

    private static Sentence toSentence(NLPNode[] nodes, int offset, String text) {
        List<io.newsgraph.entities.extraction.engine.Token> tokens = new ArrayList<>(nodes.length - 1);
        List<EngineSpan> spans = new ArrayList<>();
        int spanStart = -1;
        String spanLabel = null;
        // index 0 is NLP4J's artificial root
        for (int i = 1; i < nodes.length; i++) {
            NLPNode node = nodes[i];
            int start = offset + node.getStartOffset();
            int end = offset + node.getEndOffset();
            tokens.add(new io.newsgraph.entities.extraction.engine.Token(
                    start, end, text.substring(start, end), node.getPartOfSpeechTag()));
            // BILOU tags: B-X I-X L-X for a multi-token entity, U-X for a single token, O outside
            String tag = node.getNamedEntityTag();
            if (tag == null || tag.length() < 3 || tag.charAt(1) != '-') {
                spanStart = -1;
                continue;
            }
            char prefix = tag.charAt(0);
            String label = tag.substring(2);
            switch (prefix) {
                case 'U' -> {
                    spans.add(span(start, end, label));
                    spanStart = -1;
                }
                case 'B' -> {
                    spanStart = start;
                    spanLabel = label;
                }
                case 'I' -> {
                    if (spanStart < 0 || !label.equals(spanLabel)) {
                        spanStart = start;
                        spanLabel = label;
                    }
                }
                case 'L' -> {
                    spans.add(span(spanStart >= 0 && label.equals(spanLabel) ? spanStart : start, end, label));
                    spanStart = -1;
                }
                default -> spanStart = -1;
            }
        }
        int sentenceStart = tokens.isEmpty() ? offset : tokens.getFirst().start();
        int sentenceEnd = tokens.isEmpty() ? offset : tokens.getLast().end();
        return new Sentence(sentenceStart, sentenceEnd, List.copyOf(tokens), List.copyOf(spans));
    }

    private static EngineSpan span(int start, int end, String label) {
        return new EngineSpan(start, end, label, OntoNotesLabels.toType(label));
    }
}
