package io.newsgraph.articles.domain;

/** A rejected request: a stable {@link ErrorCode} and a message fit for the client (never input echoed as markup). */
public class ArticleException extends RuntimeException {

    private final ErrorCode code;

    public ArticleException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
