package io.newsgraph.entities.extraction.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CoNLL-format NER files: one token per line with its tag in the last column (IO or IOB tags: {@code I-PER},
 * {@code B-ORG}, {@code O}), blank lines between sentences, {@code -DOCSTART-} lines between documents.
 *
 * <p>Each document becomes a text (tokens joined by spaces, sentences by line breaks) with its gold spans as
 * character offsets into that text.
 */
public final class ConllReader {

    private ConllReader() {
    }

    public static List<LabelledDocument> read(Path file) throws IOException {
        List<LabelledDocument> documents = new ArrayList<>();
        Builder doc = new Builder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("-DOCSTART-")) {
                doc.finish(documents);
                doc = new Builder();
            } else if (trimmed.isEmpty()) {
                doc.endSentence();
            } else {
                String[] columns = trimmed.split("\\s+");
                doc.add(columns[0], columns[columns.length - 1]);
            }
        }
        doc.finish(documents);
        return documents;
    }

    private static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final List<GoldSpan> spans = new ArrayList<>();
        private boolean sentenceOpen;
        private String openType;
        private int openStart;
        private int lastEnd;

        void add(String token, String tag) {
            if (sentenceOpen) {
                text.append(' ');
            }
            int start = text.length();
            text.append(token);
            int end = text.length();
            String type = tag.equals("O") || tag.length() < 3 ? null : tag.substring(2);
            boolean begins = tag.startsWith("B-");
            if (openType != null && (type == null || begins || !type.equals(openType))) {
                close();
            }
            if (type != null && openType == null) {
                openType = type;
                openStart = start;
            }
            lastEnd = end;
            sentenceOpen = true;
        }

        void endSentence() {
            close();
            if (sentenceOpen) {
                text.append('\n');
                sentenceOpen = false;
            }
        }

        private void close() {
            if (openType != null) {
                spans.add(new GoldSpan(openStart, lastEnd, openType));
                openType = null;
            }
        }

        void finish(List<LabelledDocument> out) {
            endSentence();
            if (!text.isEmpty()) {
                out.add(new LabelledDocument(text.toString(), List.copyOf(spans)));
            }
        }
    }
}
