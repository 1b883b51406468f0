package org.atalaya.security.rest;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.runtime.EdgeValidation;

/**
 * A JSON request body as the agencies' endpoints take it (a hotlist entry, a camera, a judicial
 * authorisation): small (a few hundred bytes), UTF-8 with one form per character (the JSON parser would decode an
 * overlong '/' as a '/'), and text fields that are strings, fit their column and hold no control
 * characters. Anything else is a 400 that says which field, never a value stored as something
 * else (a number as its digits, an array as nothing) nor a database error.
 */
public final class JsonBody {

    /** The largest body taken. */
    public static final int MAX_BYTES = 65_536;

    private JsonBody() {
    }

    /** The body as a JSON tree. */
    public static JsonNode parse(byte[] body, ObjectMapper json) {
        if (body.length > MAX_BYTES) {
            throw Problem.badRequest("the body exceeds " + MAX_BYTES + " bytes");
        }
        try {
            EdgeValidation.requireUtf8(body, "JSON");
        } catch (RejectedEvent notUtf8) {
            throw Problem.badRequest("the body is " + notUtf8.getMessage());
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException notJson) {
            throw Problem.badRequest("the body is not valid JSON: " + notJson.getOriginalMessage());
        } catch (IOException unreadable) {
            throw Problem.badRequest("the body could not be read");
        }
    }

    /**
     * The text of {@code field}, or {@code null} when it is absent or null.
     *
     * @param maxLength the most characters it may have: its column's size where it is stored
     */
    public static String text(JsonNode node, String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw Problem.badRequest(field + " must be a string");
        }
        String text = value.textValue();
        if (text.length() > maxLength) {
            throw Problem.badRequest(field + " is longer than " + maxLength + " characters");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw Problem.badRequest(field + " must not contain control characters");
        }
        return text;
    }
}
