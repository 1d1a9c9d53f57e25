package io.newsgraph.entities.domain;

/** Input that will never be accepted as it is; carries a stable code for clients. */
public class InvalidInputException extends RuntimeException {

    private final String code;

    public InvalidInputException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
