package dev.canopy.web;

import java.util.Arrays;

/**
 * A domain rule turned the request down. Carries the form field it is about (or null for the whole form) and the
 * message key with its arguments, so the page can show the reason next to the field.
 */
public class Refusal extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public Refusal(String field, String messageKey, Object... arguments) {
        super(messageKey + " " + Arrays.toString(arguments));
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
