package io.newsgraph.articles.outbox;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a delivery failed, as the article's {@code processing.lastError} shows it to clients: a stable code and a plain
 * sentence, never an exception name, a host or the receiver's raw answer (those go to the log only).
 */
final class DeliveryErrors {

    /** The receiver's own error code, when its answer carries one ({"code": "TEXT_TOO_LONG", ...}). */
    private static final Pattern RECEIVER_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z][A-Z0-9_]{0,63})\"");

    private DeliveryErrors() {
    }

    static String noAnswer(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "EXTRACTION_TIMEOUT: entities-service did not answer in time";
        }
        if (e instanceof ConnectException || e.getCause() instanceof UnresolvedAddressException) {
            return "EXTRACTION_UNAVAILABLE: entities-service could not be reached";
        }
        return "EXTRACTION_UNAVAILABLE: the connection to entities-service failed";
    }

    static String refused(int status, String body) {
        if (status == 401 || status == 403) {
            return "EXTRACTION_UNAUTHORIZED: entities-service refused this service's credentials (HTTP " + status + ")";
        }
        if (status == 503 || status == 502 || status == 504) {
            return "EXTRACTION_UNAVAILABLE: entities-service is unavailable (HTTP " + status + ")";
        }
        if (status >= 400 && status < 500) {
            Matcher m = RECEIVER_CODE.matcher(body == null ? "" : body);
            return "EXTRACTION_REJECTED: entities-service refused the article (HTTP " + status
                    + (m.find() ? ", " + m.group(1) : "") + ")";
        }
        return "EXTRACTION_FAILED: entities-service failed (HTTP " + status + ")";
    }

    static String interrupted() {
        return "EXTRACTION_INTERRUPTED: the delivery was interrupted";
    }
}
