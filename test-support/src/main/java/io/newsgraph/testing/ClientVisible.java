package io.newsgraph.testing;

import java.util.regex.Pattern;

/** What a client may never see in an error: a package-qualified name, an inner class, an exception's name. */
public final class ClientVisible {

    public static final Pattern INTERNALS =
            Pattern.compile("\\b[a-z]+\\.[a-z]+\\.[A-Za-z]|\\w\\$\\w|Exception|java\\.|newsgraph");

    private ClientVisible() {
    }

    /** Fails, quoting the text, when it shows internals. */
    public static void assertNoInternals(String text) {
        if (text != null && INTERNALS.matcher(text).find()) {
            throw new AssertionError("internals in: " + text);
        }
    }
}
