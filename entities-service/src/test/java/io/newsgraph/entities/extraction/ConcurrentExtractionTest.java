package io.newsgraph.entities.extraction;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Many threads through one pipeline (more threads than engine workers) give what one thread gives. */
class ConcurrentExtractionTest {

    @Test
    void parallelExtractionsMatchSequentialOnes() throws Exception {
        NewsExtractionPipeline pipeline = new NewsExtractionPipeline(Nlp4jTestEngine.get());
        List<ArticleText> articles = articles();
        List<List<ExtractedEntity>> sequential = new ArrayList<>();
        for (ArticleText a : articles) {
            sequential.add(pipeline.extract(a).entities());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<ExtractedEntity>>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (ArticleText a : articles) {
                    futures.add(pool.submit(() -> pipeline.extract(a).entities()));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(sequential.get(i % articles.size()), futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<ArticleText> articles() throws IOException {
        String seed;
        try (InputStream in = ConcurrentExtractionTest.class.getResourceAsStream("/extraction/seed-article.txt")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] lines = seed.split("\n");
        List<ArticleText> articles = new ArrayList<>();
        for (int i = 0; i + 4 <= lines.length; i += 4) {
            articles.add(new ArticleText(lines[i], String.join("\n", lines[i + 1], lines[i + 2], lines[i + 3]),
                    LocalDate.of(2024, 10, 9)));
        }
        return articles;
    }
}
