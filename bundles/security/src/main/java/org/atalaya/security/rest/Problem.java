package org.atalaya.security.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An error answer as a problem detail (RFC 9457, {@code application/problem+json}): what went
 * wrong in words a caller can act on. Throw it from a resource, or build a response with
 * {@link #response(int, String, String)}.
 */
public final class Problem extends WebApplicationException {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long serialVersionUID = 1L;

    public Problem(int status, String title, String detail) {
        super(detail, response(status, title, detail));
    }

    /** 400: the request is not what the endpoint accepts. */
    public static Problem badRequest(String detail) {
        return new Problem(400, "Bad request", detail);
    }

    /** 404: nothing by that id. */
    public static Problem notFound(String detail) {
        return new Problem(404, "Not found", detail);
    }

    /** 403: authenticated, but not allowed to do this. */
    public static Problem forbidden(String detail) {
        return new Problem(403, "Forbidden", detail);
    }

    /**
     * 503: the hub cannot take this now; the caller may send it again after {@code retryAfterSeconds}
     * (the {@code Retry-After} header).
     */
    public static Response unavailable(String detail, int retryAfterSeconds) {
        return Response.fromResponse(response(503, "Service unavailable", detail))
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).build();
    }

    /** A problem response with any status. */
    public static Response response(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        try {
            return Response.status(status).type(MEDIA_TYPE).entity(JSON.writeValueAsString(body)).build();
        } catch (JsonProcessingException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }
}
