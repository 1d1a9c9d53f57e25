package io.newsgraph.articles.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The shared seed article, from the test fixtures. */
final class ArticleSeed {

    static final String TEXT = read();

    private ArticleSeed() {
    }

    private static String read() {
        try (InputStream in = ArticleSeed.class.getResourceAsStream("/fixtures/seed-article.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
