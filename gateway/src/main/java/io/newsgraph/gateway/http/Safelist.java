package io.newsgraph.gateway.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

/**
 * The operations a gateway in safelist mode executes, read once at start from a persisted query list: Apollo's
 * manifest ({@code {"format": "apollo-persisted-query-manifest", "version": 1, "operations": [{"id", "name",
 * "type", "body"}]}}, as {@code generate-persisted-query-manifest} writes it), or a text file of SHA-256 hashes,
 * one per line ({@code #} starts a comment). A document sent in full is admitted when its hash is listed or when
 * it equals a listed body up to whitespace, comments and the order of its definitions (as Apollo Router matches).
 */
final class Safelist {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final String FORMAT = "apollo-persisted-query-manifest";

    /** id → body (null where the list gives only the hash). */
    private final Map<String, String> bodies;
    private final Set<String> ids;
    private final Set<String> normalizedBodies;

    private Safelist(Map<String, String> bodies) {
        this.bodies = Map.copyOf(withoutNulls(bodies));
        this.ids = Set.copyOf(bodies.keySet());
        Set<String> normalized = new HashSet<>();
        for (String body : this.bodies.values()) {
            normalized.add(normalize(Parser.parse(body)));
        }
        this.normalizedBodies = Set.copyOf(normalized);
    }

    private static Map<String, String> withoutNulls(Map<String, String> m) {
        Map<String, String> out = new HashMap<>();
        m.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Reads a list from a file path or {@code classpath:name}. */
    static Safelist load(String location, ObjectMapper json) {
        String text;
        try {
            if (location.startsWith("classpath:")) {
                try (InputStream in = Safelist.class.getClassLoader().getResourceAsStream(location.substring("classpath:".length()))) {
                    if (in == null) {
                        throw new IllegalArgumentException("persisted query list " + location + " not found");
                    }
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } else {
                text = Files.readString(Path.of(location));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("persisted query list " + location + " cannot be read: " + e.getMessage(), e);
        }
        return parse(text, json);
    }

    /** A list from its text: a manifest (JSON object) or hashes, one per line. */
    static Safelist parse(String text, ObjectMapper json) {
        String trimmed = text.strip();
        Map<String, String> bodies = new HashMap<>();
        if (trimmed.startsWith("{")) {
            JsonNode manifest;
            try {
                manifest = json.readTree(trimmed);
            } catch (IOException e) {
                throw new IllegalArgumentException("persisted query manifest is not valid JSON");
            }
            if (!FORMAT.equals(manifest.path("format").asText()) || manifest.path("version").asInt() != 1) {
                throw new IllegalArgumentException("persisted query manifest must have \"format\": \"" + FORMAT + "\" and \"version\": 1");
            }
            int i = 0;
            for (JsonNode op : manifest.path("operations")) {
                String id = op.path("id").asText("").toLowerCase(Locale.ROOT);
                String body = op.path("body").asText(null);
                if (id.isEmpty() || body == null) {
                    throw new IllegalArgumentException("persisted query manifest: operation " + i + " needs \"id\" and \"body\"");
                }
                try {
                    Parser.parse(body);
                } catch (InvalidSyntaxException e) {
                    throw new IllegalArgumentException("persisted query manifest: the body of operation " + id + " is not GraphQL");
                }
                bodies.put(id, body);
                i++;
            }
        } else {
            int line = 0;
            for (String l : text.split("\n")) {
                line++;
                String h = l.replaceFirst("#.*", "").strip().toLowerCase(Locale.ROOT);
                if (h.isEmpty()) {
                    continue;
                }
                if (!HASH.matcher(h).matches()) {
                    throw new IllegalArgumentException("persisted query list: line " + line + " is not a SHA-256 hash (64 hex digits)");
                }
                bodies.put(h, null);
            }
        }
        return new Safelist(bodies);
    }

    /** The listed document of this id, or null (not listed, or listed by hash only). */
    String body(String id) {
        return bodies.get(id);
    }

    boolean lists(String id) {
        return ids.contains(id);
    }

    /** Whether a document sent in full (its text, hash and parsed form) is on the list. */
    boolean admits(String hash, Document document) {
        return ids.contains(hash) || (document != null && normalizedBodies.contains(normalize(document)));
    }

    int size() {
        return ids.size();
    }

    /** Each definition printed compactly (no comments, minimal whitespace), sorted: order and layout do not count. */
    static String normalize(Document document) {
        List<String> parts = new ArrayList<>();
        for (Definition<?> d : document.getDefinitions()) {
            parts.add(AstPrinter.printAstCompact(d));
        }
        parts.sort(null);
        return String.join("\n", parts);
    }
}
