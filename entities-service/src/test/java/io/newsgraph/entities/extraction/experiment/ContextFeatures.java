package io.newsgraph.entities.extraction.experiment;

import io.newsgraph.entities.extraction.engine.EngineSpan;
import io.newsgraph.entities.extraction.engine.Sentence;
import io.newsgraph.entities.extraction.engine.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Features the name finder gets beside its own local ones: NLP4J's tag of each token and its neighbours (BIO with
 * the OntoNotes label, so the model learns where to trust the engine), and the Brown clusters of the token and its
 * neighbours (news-trained and Twitter-trained clusters, both shipped by nlp4j-english).
 */
final class ContextFeatures {

    private final BrownClusters news;
    private final BrownClusters twitter;

    ContextFeatures(BrownClusters news, BrownClusters twitter) {
        this.news = news;
        this.twitter = twitter;
    }

    String[][] of(Sentence sentence) {
        List<Token> tokens = sentence.tokens();
        String[] tags = engineTags(sentence);
        String[][] context = new String[tokens.size()][];
        for (int i = 0; i < tokens.size(); i++) {
            List<String> f = new ArrayList<>();
            for (int d = -1; d <= 1; d++) {
                int j = i + d;
                String tag = j < 0 || j >= tokens.size() ? "edge" : tags[j];
                f.add("ne" + d + "=" + tag);
                if (j >= 0 && j < tokens.size()) {
                    String word = tokens.get(j).text();
                    for (String p : news.of(word)) {
                        if (p.length() >= 4 && p.length() <= 12 && p.length() % 4 == 0) {
                            f.add("bn" + d + "=" + p);
                        }
                    }
                    for (String p : twitter.of(word)) {
                        if (p.length() >= 4 && p.length() <= 12 && p.length() % 4 == 0) {
                            f.add("bt" + d + "=" + p);
                        }
                    }
                }
            }
            f.add("ne0,1=" + tags[i] + "," + (i + 1 < tokens.size() ? tags[i + 1] : "edge"));
            context[i] = f.toArray(String[]::new);
        }
        return context;
    }

    /** BIO tags of the engine's spans over the sentence's tokens. */
    static String[] engineTags(Sentence sentence) {
        List<Token> tokens = sentence.tokens();
        String[] tags = new String[tokens.size()];
        java.util.Arrays.fill(tags, "O");
        for (EngineSpan s : sentence.spans()) {
            boolean first = true;
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.start() >= s.start() && t.end() <= s.end()) {
                    tags[i] = (first ? "B-" : "I-") + s.label();
                    first = false;
                }
            }
        }
        return tags;
    }
}
