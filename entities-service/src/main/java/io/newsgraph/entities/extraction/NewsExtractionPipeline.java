package io.newsgraph.entities.extraction;

import io.newsgraph.entities.extraction.coref.EntityCluster;
import io.newsgraph.entities.extraction.coref.InArticleCoreference;
import io.newsgraph.entities.extraction.coref.MentionRef;
import io.newsgraph.entities.extraction.engine.NerEngine;
import io.newsgraph.entities.extraction.rules.Candidate;
import io.newsgraph.entities.extraction.rules.RuleLayer;
import io.newsgraph.entities.extraction.rules.TitleWords;
import io.newsgraph.entities.extraction.salience.SalienceScorer;

import java.text.Normalizer;
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
        // a body that begins with the title holds it already: read once, reported as title mentions
        int titleInBody = title.isBlank() ? -1 : titleOffsetInBody(title, body);

        // names found in either field are looked for in both
        RuleLayer.Field bodyField = rules.prepare(engine.annotate(body), article.reference());
        List<Candidate> titleCandidates = List.of();
        Map<String, Candidate> titleNames = Map.of();
        if (!title.isBlank() && titleInBody < 0) {
            RuleLayer.Field titleField = rules.prepare(engine.annotate(title), article.reference());
            titleNames = titleField.names();
            titleCandidates = rules.finish(titleField, bodyField.names());
        }
        List<Candidate> bodyCandidates = rules.finish(bodyField, titleNames);

        List<MentionRef> mentions = new ArrayList<>();
        addMentions(mentions, titleCandidates, Mention.Field.TITLE, title, article, -1);
        addMentions(mentions, bodyCandidates, Mention.Field.BODY, body, article, titleInBody);
        List<EntityCluster> clusters = coreference.group(mentions);
        clusters = attachHandles(clusters, Map.of(Mention.Field.TITLE, title, Mention.Field.BODY, body));

        int maxMentions = clusters.stream()
                .mapToInt(c -> (int) c.mentions().stream().filter(m -> m.mention().counts()).count())
                .max().orElse(1);
        List<ExtractedEntity> entities = new ArrayList<>(clusters.size());
        for (EntityCluster cluster : clusters) {
            entities.add(toEntity(cluster, maxMentions, body.length()));
        }
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        return new ExtractionResult(List.copyOf(entities), engine.name(), tookMillis);
    }

    /**
     * Where the title stands as the body's first line ("Title\n...", "# Title\n..."), or -1: a parser that keeps
     * the headline in the text sends it twice, and it must be counted once.
     */
    static int titleOffsetInBody(String title, String body) {
        String t = title.strip();
        int i = 0;
        while (i < body.length() && (Character.isWhitespace(body.charAt(i)) || body.charAt(i) == '#')) {
            i++;
        }
        if (t.isEmpty() || !body.startsWith(t, i)) {
            return -1;
        }
        int after = i + t.length();
        return after == body.length() || body.charAt(after) == '\n' || body.charAt(after) == '\r' ? i : -1;
    }

    /**
     * @param titleInBody where the title starts in this field's text when the field is the body that begins with
     *                    it (mentions inside it are title mentions, with offsets into the title), else -1
     */
    private static void addMentions(List<MentionRef> out, List<Candidate> candidates, Mention.Field field,
                                    String text, ArticleText article, int titleInBody) {
        int titleEnd = titleInBody < 0 ? -1 : titleInBody + article.title().strip().length();
        for (Candidate c : candidates) {
            Mention mention;
            int order;
            if (titleInBody >= 0 && c.start >= titleInBody && c.end <= titleEnd) {
                mention = new Mention(Mention.Field.TITLE, c.start - titleInBody, c.end - titleInBody, c.text(text));
                order = c.start - titleInBody;
            } else {
                TextPart.Kind part = field == Mention.Field.BODY ? article.partAt(c.start) : null;
                mention = new Mention(field, c.start, c.end, c.text(text), part);
                order = (field == Mention.Field.TITLE ? 0 : 1_000_000_000) + c.start;
            }
            String titled = null;
            if (c.type == EntityType.PERSON) {
                int from = Math.max(0, c.start - 14);
                Matcher m = TITLE_BEFORE.matcher(text.substring(from, c.start));
                if (m.find() && !afterCapitalisedWord(text, from + m.start(1))) {
                    titled = m.group(1) + mention.text();
                }
            }
            out.add(new MentionRef(mention, c.type, c.normalized, c.countryCode, List.copyOf(c.roles), c.country,
                    order, titled));
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

    /**
     * A handle that is an organisation's or person's account is that entity, not one of its own: "The Japan Times
     * (@japantimes)" (the handle in brackets right after the name), or "@japantimes" anywhere in an article that names
     * The Japan Times (the handle spells the name). The handle's mentions join the owner and the handle is its alias.
     */
    private static List<EntityCluster> attachHandles(List<EntityCluster> clusters, Map<Mention.Field, String> texts) {
        List<EntityCluster> kept = new ArrayList<>(clusters);
        for (EntityCluster handle : clusters) {
            if (handle.type() != EntityType.HANDLE) {
                continue;
            }
            EntityCluster owner = null;
            for (MentionRef h : handle.mentions()) {
                owner = ownerBefore(clusters, h, texts.get(h.mention().field()));
                if (owner != null) {
                    break;
                }
            }
            if (owner == null) {
                owner = ownerSpelledBy(clusters, handle.mentions().getFirst().mention().text());
            }
            if (owner != null) {
                owner.absorb(handle);
                kept.remove(handle);
            }
        }
        return kept;
    }

    private static EntityCluster ownerBefore(List<EntityCluster> clusters, MentionRef h, String text) {
        int before = h.mention().start();
        String gap = text.substring(Math.max(0, before - 3), before);
        if (!gap.endsWith("(")) {
            return null;
        }
        int ownerEnd = text.lastIndexOf('(', before);
        while (ownerEnd > 0 && Character.isWhitespace(text.charAt(ownerEnd - 1))) {
            ownerEnd--;
        }
        final int end = ownerEnd;
        for (EntityCluster owner : clusters) {
            if (isHandleOwnerType(owner) && owner.mentions().stream()
                    .anyMatch(m -> m.mention().field() == h.mention().field() && m.mention().end() == end)) {
                return owner;
            }
        }
        return null;
    }

    /** The one organisation or person whose name, squashed, is the handle ("@japantimes": The Japan Times). */
    private static EntityCluster ownerSpelledBy(List<EntityCluster> clusters, String handleText) {
        String handle = squash(handleText);
        EntityCluster found = null;
        for (EntityCluster owner : clusters) {
            if (!isHandleOwnerType(owner)) {
                continue;
            }
            boolean spelled = owner.mentions().stream().map(m -> squash(m.mention().text()))
                    .anyMatch(n -> n.length() >= 4 && (n.equals(handle) || ("the" + n).equals(handle)));
            if (spelled) {
                if (found != null) {
                    return null;
                }
                found = owner;
            }
        }
        return found;
    }

    private static boolean isHandleOwnerType(EntityCluster c) {
        return c.type() == EntityType.ORGANIZATION || c.type() == EntityType.PERSON;
    }

    private static String squash(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
        return s.startsWith("the") && !name.startsWith("@") ? s.substring(3) : s;
    }

    private ExtractedEntity toEntity(EntityCluster cluster, int maxMentions, int bodyLength) {
        List<MentionRef> refs = cluster.mentions();
        List<Mention> mentions = refs.stream().map(MentionRef::mention)
                .sorted(Comparator.comparing(Mention::field).thenComparingInt(Mention::start))
                .toList();
        String name = canonicalName(cluster);
        String normalized = refs.stream().filter(m -> m.type() == cluster.type()).map(MentionRef::normalized)
                .filter(Objects::nonNull).findFirst().orElse(null);
        if (cluster.type() == EntityType.DATE && normalized != null) {
            name = normalized;
        }
        Set<String> aliases = new LinkedHashSet<>();
        for (MentionRef m : refs) {
            if (cluster.type() == EntityType.DATE && !pinsItself(m)) {
                // "Tuesday" is this date only in this article: as an alias it would name another day elsewhere
                continue;
            }
            aliases.add(m.mention().text());
            if (m.titledForm() != null) {
                aliases.add(m.titledForm());
            }
        }
        aliases.addAll(cluster.extraAliases());
        aliases.remove(name);
        List<Role> roles = mergeRoles(refs);
        String country = countryOf(cluster, roles);
        double score = salience.score(mentions.stream().filter(Mention::counts).toList(), maxMentions, bodyLength);
        return new ExtractedEntity(cluster.type(), name, normalized, country, List.copyOf(aliases), roles, mentions,
                score);
    }

    /** True for a date form that names its date without the article's date ("October 9, 2024", not "Tuesday"). */
    private boolean pinsItself(MentionRef m) {
        return m.normalized() != null
                && rules.dateRule().normalise(m.mention().text(), null).filter(m.normalized()::equals).isPresent();
    }

    /** The longest form (most words, then most characters); the first seen among equals. */
    private static String canonicalName(EntityCluster cluster) {
        String best = null;
        int bestWords = -1;
        // an organisation's handle ("@Reuters") is one of its names, never the canonical one
        boolean ownType = cluster.mentions().stream().anyMatch(m -> m.type() == cluster.type());
        for (MentionRef m : cluster.mentions()) {
            if (ownType && m.type() != cluster.type()) {
                continue;
            }
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
        // a rank beside a position is how the person is addressed ("Adm." beside "commander"), not a second role
        if (merged.stream().anyMatch(r -> !TitleWords.isRankOnly(r.title()))) {
            merged.removeIf(r -> TitleWords.isRankOnly(r.title()));
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
