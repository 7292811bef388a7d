package dev.canopy.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** Messages to show next to form fields; the empty key holds the message for the whole form. */
public final class FormErrors {

    private final Map<String, String> messages = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    public static FormErrors of(Refusal refusal, Pages pages) {
        FormErrors errors = new FormErrors();
        errors.add(refusal.field(), pages.msg(refusal.messageKey(), refusal.arguments()));
        return errors;
    }

    public FormErrors add(String field, String message) {
        messages.put(field == null ? "" : field, message);
        return this;
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    public String get(String field) {
        return messages.get(field);
    }

    public boolean hasForm() {
        return messages.containsKey("");
    }

    public String form() {
        return messages.get("");
    }

    public boolean any() {
        return !messages.isEmpty();
    }
}
