package io.newsgraph.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated news-style articles for bulk tests: the same seed gives the same articles, each with people (often
 * with titles), organisations, places and dates drawn from small pools so that entities recur across articles.
 */
public final class NewsCorpus {

    /**
     * One generated article.
     *
     * @param people the full names of the people it is about, as the generator chose them; empty for a hand-made one
     */
    public record Article(String externalId, String title, String body, String publishedAt, List<String> people) {

        public Article(String externalId, String title, String body, String publishedAt) {
            this(externalId, title, body, publishedAt, List.of());
        }
    }

    /**
     * Who the articles are about. Cross-article resolution merges people by name, so a test that compares entity counts
     * uses a cast no other test's articles share.
     */
    public enum Cast {
        DEFAULT(FIRST, LAST),
        SEPARATE(new String[] {"Aurelio", "Benedikta", "Cosmin", "Dagny", "Evander", "Filippa", "Gaspard", "Hedda", "Ignatius",
            "Jovana", "Leopold", "Maren"},
                new String[] {"Quarshie", "Vasquez-Lund", "Oyelaran", "Thorvaldsen", "Iwasaki", "Zielinski", "Brightwater",
                    "Abernethy", "Nakagawa", "Delacroix", "Oduya", "Halvorsen"});

        final String[] first;
        final String[] last;

        Cast(String[] first, String[] last) {
            this.first = first;
            this.last = last;
        }
    }

    private static final String[] FIRST = {"Amara", "Daniel", "Ingrid", "Kenji", "Lucia", "Marcus", "Nadia", "Oskar", "Priya",
        "Rafael", "Sofia", "Tomasz", "Yara", "Elena", "Hassan", "Mei"};
    private static final String[] LAST = {"Okafor", "Lindqvist", "Moreau", "Tanaka", "Ferreira", "Kowalski", "Haddad", "Brennan",
        "Sato", "Novak", "Castillo", "Mensah", "Petrov", "Achterberg", "Rahman", "Whitfield"};
    private static final String[] TITLES = {"Finance Minister", "Chief Executive", "Mayor", "Senator", "Governor",
        "Foreign Minister", "Professor", "General"};
    private static final String[] ORGS = {"the World Bank", "the European Commission", "the International Monetary Fund",
        "Siemens", "Toyota", "the United Nations", "the African Union", "Reuters", "the World Health Organization",
        "Deutsche Bahn", "Airbus", "the Red Cross"};
    private static final String[] PLACES = {"Berlin", "Nairobi", "Tokyo", "Lisbon", "Warsaw", "Toronto", "Jakarta", "Lima",
        "Cairo", "Oslo", "Seoul", "Madrid", "Brazil", "Canada", "Kenya", "Germany", "France", "India"};
    private static final String[] TOPICS = {"energy prices", "rail investment", "water supply", "public health",
        "trade talks", "housing costs", "digital services", "flood defences"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    private NewsCorpus() {
    }

    public static List<Article> generate(String prefix, int count, long seed) {
        return generate(prefix, count, seed, Cast.DEFAULT);
    }

    public static List<Article> generate(String prefix, int count, long seed, Cast cast) {
        Random r = new Random(seed);
        List<Article> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(article(prefix + "-" + i, r, cast));
        }
        return out;
    }

    private static Article article(String id, Random r, Cast cast) {
        String person = pick(r, cast.first) + " " + pick(r, cast.last);
        String lastName = person.substring(person.indexOf(' ') + 1);
        String other = pick(r, cast.first) + " " + pick(r, cast.last);
        String title = pick(r, TITLES);
        String org = pick(r, ORGS);
        String org2 = pick(r, ORGS);
        String place = pick(r, PLACES);
        String place2 = pick(r, PLACES);
        String topic = pick(r, TOPICS);
        int day = 1 + r.nextInt(28);
        String month = pick(r, MONTHS);
        int year = 2023 + r.nextInt(2);
        LocalDate published = LocalDate.of(year, 1 + r.nextInt(12), day);
        String headline = capitalise(topic) + " dominate talks in " + place + " as " + org.replaceFirst("^the ", "") + " weighs in";
        String body = headline + "\n"
                + title + " " + person + " met representatives of " + org + " in " + place + " on " + month + " " + day + ", " + year
                + ", to discuss " + topic + ". The meeting followed weeks of pressure from local groups, who argue that "
                + topic + " have been neglected for years.\n"
                + "Speaking to reporters after the talks, " + lastName + " said the two sides had agreed to set up a joint working "
                + "group. \"We have a plan, and we have a timetable,\" " + lastName + " said. Officials from " + org2
                + " are expected to join the group in " + place2 + " later this year.\n"
                + other + ", an economist who has advised " + org + ", said the agreement was a modest step. \"The money is "
                + "the real test,\" " + other.substring(other.indexOf(' ') + 1) + " said, adding that similar promises made in "
                + (year - 1) + " had not been kept.\n"
                + "The working group will report by the end of " + pick(r, MONTHS) + ". Critics in " + place
                + " said they would watch closely whether the commitments on " + topic + " translate into action on the ground.";
        return new Article(id, headline, body, published + "T09:00:00Z", List.of(person, other));
    }

    /**
     * What a generated world corpus is about: each real-world thing once, with what identifies it.
     *
     * @param people     full names of the people
     * @param places     places inside a country, to the country's name ("Okinawa" to "Japan")
     * @param countries  the countries named
     * @param publishers news publishers, to their handle ("The Japan Times" to "@japantimes")
     */
    public record World(List<Article> articles, java.util.Set<String> people, java.util.Map<String, String> places,
                        java.util.Set<String> countries, java.util.Map<String, String> publishers) {
    }

    /** Places inside countries, each beside its country as news writes it. */
    private static final String[][] PLACES_IN_COUNTRIES = {{"Okinawa", "Japan"}, {"Osaka", "Japan"},
        {"Rotterdam", "the Netherlands"}, {"Lyon", "France"}, {"Marseille", "France"}, {"Bavaria", "Germany"},
        {"Hamburg", "Germany"}, {"Texas", "the United States"}, {"Ontario", "Canada"}, {"Mombasa", "Kenya"}};
    private static final String[][] PUBLISHERS = {{"The Japan Times", "@japantimes"},
        {"The Washington Post", "@washingtonpost"}, {"The Guardian", "@guardian"}, {"Reuters", "@Reuters"}};

    /**
     * Articles in the shape a news site publishes: the body begins with the title, a place inside a country is named
     * with its country ("in Osaka, Japan"), the country is named on its own too, a publisher's post is quoted with its
     * handle, and a sources list closes the article. For tests that check each real-world thing is one entity.
     */
    public static World world(String prefix, int count, long seed, Cast cast) {
        Random r = new Random(seed);
        List<Article> out = new ArrayList<>(count);
        java.util.Set<String> people = new java.util.TreeSet<>();
        java.util.Map<String, String> places = new java.util.TreeMap<>();
        java.util.Set<String> countries = new java.util.TreeSet<>();
        java.util.Map<String, String> publishers = new java.util.TreeMap<>();
        for (int i = 0; i < count; i++) {
            String person = pick(r, cast.first) + " " + pick(r, cast.last);
            String lastName = person.substring(person.indexOf(' ') + 1);
            String[] place = PLACES_IN_COUNTRIES[r.nextInt(PLACES_IN_COUNTRIES.length)];
            String[] publisher = PUBLISHERS[r.nextInt(PUBLISHERS.length)];
            String topic = pick(r, TOPICS);
            String country = place[1];
            String countryName = country.replaceFirst("^the ", "");
            String countryStart = Character.toUpperCase(country.charAt(0)) + country.substring(1);
            int day = 1 + r.nextInt(28);
            String month = pick(r, MONTHS);
            String headline = capitalise(topic) + " plan agreed in " + place[0];
            String body = headline + "\n"
                    + "Finance Minister " + person + " announced a plan on " + topic + " in " + place[0] + ", "
                    + country + ", on " + month + " " + day + ", 2024.\n"
                    + countryStart + " has promised more money for " + topic + " since 2022, and " + lastName
                    + " said " + place[0] + " would be first.\n"
                    + "\"We start in " + place[0] + ",\" " + lastName + " told reporters.\n"
                    + capitalise(topic) + " plan agreed in " + place[0] + ". https://t.co/x" + i + "\n"
                    + "— " + publisher[0] + " (" + publisher[1] + ") " + month + " " + day + ", 2024\n"
                    + "Sources\n"
                    + "- " + publisher[0] + " report on " + topic + "\n";
            out.add(new Article(prefix + "-" + i, headline, body, null, List.of(person)));
            people.add(person);
            places.put(place[0], countryName);
            countries.add(countryName);
            publishers.put(publisher[0], publisher[1]);
        }
        return new World(List.copyOf(out), people, places, countries, publishers);
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
