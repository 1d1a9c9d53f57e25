package io.newsgraph.entities.extraction.rules;

import io.newsgraph.entities.extraction.EntityType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Well-known names news uses, with their type and country (resource {@code extraction/gazetteer.tsv}). */
public final class Gazetteer {

    /** One known name. */
    public record Entry(String name, EntityType type, String countryCode) {
    }

    private final Map<Character, List<Entry>> byFirstChar = new HashMap<>();
    private final Map<String, Entry> byName = new HashMap<>();

    public Gazetteer() {
        for (String[] row : Resources.tsv("/extraction/gazetteer.tsv")) {
            Entry entry = new Entry(row[0], EntityType.valueOf(row[1]),
                    row.length > 2 && !row[2].isBlank() ? row[2] : null);
            byName.put(entry.name(), entry);
            byFirstChar.computeIfAbsent(entry.name().charAt(0), k -> new ArrayList<>()).add(entry);
        }
        // longest first, so "U.S. Indo-Pacific Command" wins over "U.S."
        byFirstChar.values().forEach(l -> l.sort(Comparator.comparingInt((Entry e) -> e.name().length()).reversed()));
    }

    public Optional<Entry> lookup(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The longest entry that starts at {@code offset} and ends on a token boundary, if any. */
    public Optional<Entry> matchAt(TextView view, int offset) {
        List<Entry> entries = byFirstChar.get(view.text().charAt(offset));
        if (entries == null) {
            return Optional.empty();
        }
        for (Entry e : entries) {
            if (view.text().startsWith(e.name(), offset) && view.tokenEndingAt(offset + e.name().length()) >= 0) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
