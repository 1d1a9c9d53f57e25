import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Ingest benchmark against a running articles-service (run.sh starts one). Generates news-shaped articles of about
 * 500 words (title, key points, headed sections, a quoted post, sources), then measures
 *
 *   1. bulk ingest: NDJSON batches to POST /articles/bulk, articles per second, with 1 and 2 concurrent streams;
 *   2. single-article ingest: sequential POST /articles, latency p50 / p90 / p99.
 *
 * java IngestBench.java BASE_URL API_KEY [bulkArticles=10000] [batch=500] [singles=2000]
 */
public class IngestBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ra", "to", "su", "vi", "de", "an", "or", "el",
            "ti", "po", "ga", "ru", "be", "sa", "no", "li"};
    static final String[] COMMON = {"the", "of", "and", "to", "in", "a", "that", "for", "on", "with", "as", "by",
            "at", "from", "its", "was", "were", "has", "said", "will"};

    public static void main(String[] args) throws Exception {
        String base = args[0].replaceAll("/+$", "");
        String key = args[1];
        int bulkArticles = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        int singles = args.length > 4 ? Integer.parseInt(args[4]) : 2_000;
        Random random = new Random(42);
        List<String> vocabulary = vocabulary(random, 3000);

        // Warm-up: JIT, connection pools, PostgreSQL caches.
        bulk(base, key, articles(random, vocabulary, "warm", Math.min(1000, bulkArticles)), batch, 1);
        single(base, key, articles(random, vocabulary, "warm-single", Math.min(300, singles)));

        List<String> generated = articles(random, vocabulary, "bulk1", bulkArticles);
        long words = generated.stream().mapToLong(IngestBench::words).sum();
        System.out.printf("articles: %d, mean words per article: %.0f, mean bytes per line: %.0f%n", generated.size(),
                (double) words / generated.size(), generated.stream().mapToInt(String::length).average().orElse(0));
        for (int streams : new int[]{1, 2}) {
            List<String> set = streams == 1 ? generated : articles(random, vocabulary, "bulk" + streams, bulkArticles);
            long start = System.nanoTime();
            bulk(base, key, set, batch, streams);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("bulk ingest, %d stream(s), batches of %d: %d articles in %.1f s = %.0f articles/s%n",
                    streams, batch, set.size(), seconds, set.size() / seconds);
        }

        long[] latencies = single(base, key, articles(random, vocabulary, "single", singles));
        Arrays.sort(latencies);
        System.out.printf("single ingest (POST /articles, sequential, %d articles): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                latencies.length, pct(latencies, 50), pct(latencies, 90), pct(latencies, 99),
                latencies[latencies.length - 1] / 1e6);

        // Redelivery of the whole store (the graph rebuild): how long an operator waits for the call to return.
        long start = System.nanoTime();
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/articles/processing/redeliver-all"))
                .header("X-Api-Key", key).timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.noBody()).build());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("redeliver-all answered " + r.statusCode() + ": " + r.body());
        }
        long queued = Long.parseLong(r.body().replaceAll("\\D+", ""));
        System.out.printf("redeliver-all: %d articles queued in %.1f s = %.0f articles/s%n", queued, seconds, queued / seconds);
    }

    static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static void bulk(String base, String key, List<String> lines, int batch, int streams) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int from = 0; from < lines.size(); from += batch) {
                String body = String.join("\n", lines.subList(from, Math.min(lines.size(), from + batch))) + "\n";
                int expected = Math.min(lines.size(), from + batch) - from;
                futures.add(pool.submit(() -> {
                    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/articles/bulk"))
                            .header("X-Api-Key", key).header("Content-Type", "application/x-ndjson")
                            .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build());
                    long created = r.body().lines().filter(l -> l.contains("\"status\":201")).count();
                    if (r.statusCode() != 200 || created != expected) {
                        throw new IllegalStateException("bulk answered " + r.statusCode() + " with " + created + "/"
                                + expected + " created: " + r.body().substring(0, Math.min(300, r.body().length())));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    static long[] single(String base, String key, List<String> articles) throws Exception {
        long[] latencies = new long[articles.size()];
        for (int i = 0; i < articles.size(); i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/articles")).header("X-Api-Key", key)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(articles.get(i))).build();
            long start = System.nanoTime();
            HttpResponse<String> r = send(request);
            latencies[i] = System.nanoTime() - start;
            if (r.statusCode() != 201) {
                throw new IllegalStateException("POST /articles answered " + r.statusCode() + ": " + r.body());
            }
        }
        return latencies;
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static long words(String json) {
        return json.split("\\s+").length;
    }

    static List<String> vocabulary(Random random, int size) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            StringBuilder w = new StringBuilder();
            int syllables = 1 + random.nextInt(4);
            for (int s = 0; s < syllables; s++) {
                w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            words.add(w.toString());
        }
        return words;
    }

    /** JSON lines, each an article of about 500 words in the seed article's shape. */
    static List<String> articles(Random random, List<String> vocabulary, String prefix, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            text.append(capital(sentence(random, vocabulary, 14))).append('\n');
            text.append("At a Glance\n");
            for (int k = 0; k < 4; k++) {
                text.append("- ").append(capital(sentence(random, vocabulary, 12))).append('\n');
            }
            for (int s = 0; s < 3; s++) {
                text.append(capital(phrase(random, vocabulary, 4))).append('\n');
                for (int p = 0; p < 2; p++) {
                    for (int n = 0; n < 4; n++) {
                        text.append(capital(sentence(random, vocabulary, 16))).append(' ');
                    }
                    text.setLength(text.length() - 1);
                    text.append('\n');
                }
                if (s == 0) {
                    text.append(capital(sentence(random, vocabulary, 20))).append(" https://t.co/x").append(i).append('\n');
                    text.append("— News Desk (@newsdesk) October 9, 2024\n");
                }
            }
            text.append("Sources\n- ").append(capital(phrase(random, vocabulary, 8))).append('\n');
            out.add("{\"externalId\":\"" + prefix + "-" + i + "\",\"source\":\"bench\",\"language\":\"en\","
                    + "\"publishedAt\":\"2024-10-" + (10 + i % 18) + "T08:00:00Z\",\"body\":\"" + jsonEscape(text.toString()) + "\"}");
        }
        return out;
    }

    static String sentence(Random random, List<String> vocabulary, int words) {
        return phrase(random, vocabulary, words) + ".";
    }

    static String phrase(Random random, List<String> vocabulary, int words) {
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                b.append(' ');
            }
            b.append(random.nextInt(3) == 0 ? COMMON[random.nextInt(COMMON.length)]
                    : vocabulary.get((int) Math.min(vocabulary.size() - 1, Math.abs(random.nextGaussian()) * vocabulary.size() / 3)));
        }
        return b.toString();
    }

    static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
