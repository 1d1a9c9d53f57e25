package io.newsgraph.entities.extraction;

import io.newsgraph.entities.extraction.coref.EntityCluster;
import io.newsgraph.entities.extraction.coref.InArticleCoreference;
import io.newsgraph.entities.extraction.coref.MentionRef;
import io.newsgraph.entities.extraction.engine.NerEngine;
import io.newsgraph.entities.extraction.rules.Candidate;
import io.newsgraph.entities.extraction.rules.RuleLayer;
import io.newsgraph.entities.extraction.salience.SalienceScorer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extraction pipeline as a plain object: engine, rule layer, in-article coreference, salience.
 * Thread-safe when its engine is (engines are required to be).
 */
public final class NewsExtractionPipeline implements ExtractionPipeline, AutoCloseable {

    /** A one-word title right before a name: "Secretary Austin", "Minister Nakatani", "Adm. Paparo". */
    private static final Pattern TITLE_BEFORE = Pattern.compile(
            "(?:^|[^\\p{L}.])((?:Secretary|Minister|President|Premier|Chancellor|Senator|Sen\\.|Governor|Gov\\.|Mayor"
                    + "|Ambassador|Admiral|Adm\\.|General|Gen\\.|Colonel|Col\\.|Lt\\.|Capt\\.|Dr\\.|Mr\\.|Mrs\\.|Ms\\."
                    + "|Prof\\.|Judge|Justice|Chairman|Commander|Director|Rep\\.|King|Queen|Prince|Pope) )$");

    private final NerEngine engine;
    private final RuleLayer rules;
    private final InArticleCoreference coreference = new InArticleCoreference();
    private final SalienceScorer salience = new SalienceScorer();

    public NewsExtractionPipeline(NerEngine engine) {
        this(engine, new RuleLayer());
    }

    public NewsExtractionPipeline(NerEngine engine, RuleLayer rules) {
        this.engine = Objects.requireNonNull(engine);
        this.rules = Objects.requireNonNull(rules);
    }

    public String engineName() {
        return engine.name();
    }

    @Override
    public void close() {
        engine.close();
    }

    @Override
    public ExtractionResult extract(ArticleText article) {
        long started = System.nanoTime();
        String title = article.title() == null ? "" : article.title();
        String body = article.body() == null ? "" : article.body();

        // names found in either field are looked for in both
        RuleLayer.Field bodyField = rules.prepare(engine.annotate(body), article.reference());
        List<Candidate> titleCandidates = List.of();
        Map<String, Candidate> titleNames = Map.of();
        if (!title.isBlank()) {
            RuleLayer.Field titleField = rules.prepare(engine.annotate(title), article.reference());
            titleNames = titleField.names();
            titleCandidates = rules.finish(titleField, bodyField.names());
        }
        List<Candidate> bodyCandidates = rules.finish(bodyField, titleNames);

        List<MentionRef> mentions = new ArrayList<>();
        addMentions(mentions, titleCandidates, Mention.Field.TITLE, title);
        addMentions(mentions, bodyCandidates, Mention.Field.BODY, body);
        List<EntityCluster> clusters = coreference.group(mentions);
        attachHandles(clusters, Map.of(Mention.Field.TITLE, title, Mention.Field.BODY, body));

        int maxMentions = clusters.stream().mapToInt(c -> c.mentions().size()).max().orElse(1);
        List<ExtractedEntity> entities = new ArrayList<>(clusters.size());
        for (EntityCluster cluster : clusters) {
            entities.add(toEntity(cluster, maxMentions, body.length()));
        }
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        return new ExtractionResult(List.copyOf(entities), engine.name(), tookMillis);
    }

    private static void addMentions(List<MentionRef> out, List<Candidate> candidates, Mention.Field field,
                                    String text) {
        int base = field == Mention.Field.TITLE ? 0 : 1_000_000_000;
        for (Candidate c : candidates) {
            Mention mention = new Mention(field, c.start, c.end, c.text(text));
            String titled = null;
            if (c.type == EntityType.PERSON) {
                int from = Math.max(0, c.start - 14);
                Matcher m = TITLE_BEFORE.matcher(text.substring(from, c.start));
                if (m.find() && !afterCapitalisedWord(text, from + m.start(1))) {
                    titled = m.group(1) + mention.text();
                }
            }
            out.add(new MentionRef(mention, c.type, c.normalized, c.countryCode, List.copyOf(c.roles), c.country,
                    base + c.start, titled));
        }
    }

    /** True when the word before {@code offset} is capitalised: the title there is longer than one word. */
    private static boolean afterCapitalisedWord(String text, int offset) {
        int i = offset - 1;
        if (i < 0 || text.charAt(i) != ' ') {
            return false;
        }
        while (i > 0 && text.charAt(i - 1) != ' ' && text.charAt(i - 1) != '\n') {
            i--;
        }
        char lastOfWord = text.charAt(offset - 2);
        return i < offset - 1 && Character.isUpperCase(text.charAt(i)) && ".,;:!?".indexOf(lastOfWord) < 0;
    }

    /** "The Japan Times (@japantimes)": the handle is also a name of the entity right before it. */
    private static void attachHandles(List<EntityCluster> clusters, Map<Mention.Field, String> texts) {
        for (EntityCluster handle : clusters) {
            if (handle.type() != EntityType.HANDLE) {
                continue;
            }
            for (MentionRef h : handle.mentions()) {
                String text = texts.get(h.mention().field());
                int before = h.mention().start();
                String gap = text.substring(Math.max(0, before - 3), before);
                if (!gap.endsWith("(")) {
                    continue;
                }
                int ownerEnd = text.lastIndexOf('(', before) ;
                while (ownerEnd > 0 && Character.isWhitespace(text.charAt(ownerEnd - 1))) {
                    ownerEnd--;
                }
                for (EntityCluster owner : clusters) {
                    if (owner.type() != EntityType.ORGANIZATION && owner.type() != EntityType.PERSON) {
                        continue;
                    }
                    final int end = ownerEnd;
                    if (owner.mentions().stream().anyMatch(m -> m.mention().field() == h.mention().field()
                            && m.mention().end() == end)) {
                        owner.addAlias(h.mention().text());
                    }
                }
            }
        }
    }

    private ExtractedEntity toEntity(EntityCluster cluster, int maxMentions, int bodyLength) {
        List<MentionRef> refs = cluster.mentions();
        List<Mention> mentions = refs.stream().map(MentionRef::mention)
                .sorted(Comparator.comparing(Mention::field).thenComparingInt(Mention::start))
                .toList();
        String name = canonicalName(cluster);
        String normalized = refs.stream().map(MentionRef::normalized).filter(Objects::nonNull).findFirst()
                .orElse(null);
        if (cluster.type() == EntityType.DATE && normalized != null) {
            name = normalized;
        }
        Set<String> aliases = new LinkedHashSet<>();
        for (MentionRef m : refs) {
            aliases.add(m.mention().text());
            if (m.titledForm() != null) {
                aliases.add(m.titledForm());
            }
        }
        aliases.addAll(cluster.extraAliases());
        aliases.remove(name);
        List<Role> roles = mergeRoles(refs);
        String country = countryOf(cluster, roles);
        double score = salience.score(mentions, maxMentions, bodyLength);
        return new ExtractedEntity(cluster.type(), name, normalized, country, List.copyOf(aliases), roles, mentions,
                score);
    }

    /** The longest form (most words, then most characters); the first seen among equals. */
    private static String canonicalName(EntityCluster cluster) {
        String best = null;
        int bestWords = -1;
        for (MentionRef m : cluster.mentions()) {
            String text = m.mention().text();
            int words = text.split("\\s+").length;
            if (best == null || words > bestWords || (words == bestWords && text.length() > best.length())) {
                best = text;
                bestWords = words;
            }
        }
        return best;
    }

    private static List<Role> mergeRoles(List<MentionRef> refs) {
        List<Role> merged = new ArrayList<>();
        for (MentionRef m : refs) {
            for (Role role : m.roles()) {
                boolean found = false;
                for (int i = 0; i < merged.size() && !found; i++) {
                    Role existing = merged.get(i);
                    if (roleKey(existing).equals(roleKey(role))) {
                        merged.set(i, new Role(existing.title(),
                                existing.organization() != null ? existing.organization() : role.organization(),
                                existing.countryCode() != null ? existing.countryCode() : role.countryCode()));
                        found = true;
                    }
                }
                if (!found) {
                    merged.add(role);
                }
            }
        }
        List<Role> kept = new ArrayList<>();
        for (Role role : merged) {
            List<String> words = List.of(roleKey(role).strip().split(" "));
            boolean shorterForm = merged.stream().anyMatch(other -> other != role
                    && roleKey(other).length() > roleKey(role).length()
                    && List.of(roleKey(other).strip().split(" ")).containsAll(words));
            if (!shorterForm) {
                kept.add(role);
            }
        }
        return List.copyOf(kept);
    }

    private static String roleKey(Role role) {
        return java.util.Arrays.stream(role.title().toLowerCase().split("[\\s.]+"))
                .filter(w -> !w.isEmpty() && !Set.of("of", "the", "for", "and").contains(w))
                .sorted().reduce("", (a, b) -> a + " " + b);
    }

    private static String countryOf(EntityCluster cluster, List<Role> roles) {
        String fromMentions = cluster.mentions().stream().map(MentionRef::countryCode).filter(Objects::nonNull)
                .findFirst().orElse(null);
        if (fromMentions != null || cluster.type() != EntityType.PERSON) {
            return fromMentions;
        }
        Set<String> fromRoles = new LinkedHashSet<>();
        roles.stream().map(Role::countryCode).filter(Objects::nonNull).forEach(fromRoles::add);
        return fromRoles.size() == 1 ? fromRoles.iterator().next() : null;
    }
}
