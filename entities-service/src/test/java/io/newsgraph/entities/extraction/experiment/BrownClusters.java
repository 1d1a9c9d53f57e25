package io.newsgraph.entities.extraction.experiment;

import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Brown clusters nlp4j-english ships (lower-cased words to the bit-string prefixes of their cluster), read as
 * NLP4J itself reads them: a Java-serialised map inside an xz stream.
 */
final class BrownClusters {

    static final String NEWS = "en-brown-clusters-simplified-lowercase.xz";
    static final String TWITTER = "en-brown-clusters-twit-lowercase.xz";

    private final Map<String, Set<String>> prefixes;

    private BrownClusters(Map<String, Set<String>> prefixes) {
        this.prefixes = prefixes;
    }

    @SuppressWarnings("unchecked")
    static BrownClusters load(String lexicon) throws IOException {
        String resource = "/edu/emory/mathcs/nlp/lexica/" + lexicon;
        try (InputStream raw = BrownClusters.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IOException("not on the classpath: " + resource);
            }
            try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(new XZInputStream(raw)))) {
                return new BrownClusters((Map<String, Set<String>>) in.readObject());
            } catch (ClassNotFoundException e) {
                throw new IOException(e);
            }
        }
    }

    /** The cluster prefixes of a word (4 to 12 bits), none when the clusters do not know it. */
    Set<String> of(String word) {
        return prefixes.getOrDefault(word.toLowerCase(Locale.ROOT), Set.of());
    }
}
