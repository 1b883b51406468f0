package org.atalaya.routes.face.internal;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.atalaya.api.face.Authorisation;
import org.atalaya.api.face.AuthorisationRequest;
import org.atalaya.api.face.AuthorisationStatus;
import org.atalaya.api.face.BiometricGuard;
import org.atalaya.api.face.GuardRefusal;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.DataClass;
import org.atalaya.runtime.CanonicalJson;
import org.atalaya.security.rest.Consultation;
import org.atalaya.security.rest.Consults;
import org.atalaya.security.rest.Parameters;
import org.atalaya.security.rest.JsonBody;
import org.atalaya.security.rest.Problem;

/**
 * The authorisations of face recognition: justice registers the orders it granted and decides
 * the urgent requests; the recipient police requests one in urgency ({@code "urgent": true}).
 * The guard checks who may do which.
 */
@Path("/authorisations")
public class AuthorisationsResource {


    private final BiometricGuard guard;
    private final Supplier<Consultation> consultation;

    /** @param consultation the call being served: {@code Consultation::current} in the container */
    AuthorisationsResource(BiometricGuard guard, Supplier<Consultation> consultation) {
        this.guard = guard;
        this.consultation = consultation;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Consults(value = DataClass.FACE_MATCHES, access = Access.READ)
    public Response list(@QueryParam("status") String status) throws JsonProcessingException {
        Consultation call = consultation.get();
        List<Authorisation> found;
        try {
            found = guard.authorisations(call.agency(), status(status));
        } catch (GuardRefusal refusal) {
            throw GuardProblems.problem(refusal);
        }
        call.subjects(found.stream().map(Authorisation::id).toList());
        return Response.ok(CanonicalJson.mapper().writeValueAsString(Map.of("authorisations", found))).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Consults(value = DataClass.FACE_MATCHES, access = Access.READ)
    public Response get(@PathParam("id") String id) throws JsonProcessingException {
        Consultation call = consultation.get();
        Authorisation found;
        try {
            found = guard.authorisation(call.agency(), id)
                    .orElseThrow(() -> Problem.notFound("There is no authorisation " + id));
        } catch (GuardRefusal refusal) {
            throw GuardProblems.problem(refusal);
        }
        call.subjects(List.of(id));
        return Response.ok(CanonicalJson.mapper().writeValueAsString(found)).build();
    }

    /**
     * A granted order registered by justice, or, with {@code "urgent": true}, an urgent request by
     * the police: {@code judicialReference}, {@code watchlistEntries}, {@code cameras},
     * {@code validFrom}, {@code validUntil}, {@code offenceCategory}.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Consults(value = DataClass.FACE_MATCHES, access = Access.WRITE)
    public Response create(byte[] payload) throws JsonProcessingException {
        Consultation call = consultation.get();
        JsonNode body = json(payload, true);
        JsonNode urgentNode = body.get("urgent");
        if (urgentNode != null && !urgentNode.isNull() && !urgentNode.isBoolean()) {
            throw Problem.badRequest("urgent must be true or false");
        }
        boolean urgent = urgentNode != null && urgentNode.asBoolean();
        AuthorisationRequest request;
        try {
            request = new AuthorisationRequest(text(body, "judicialReference"), texts(body, "watchlistEntries"),
                    texts(body, "cameras"), instant(body, "validFrom"), instant(body, "validUntil"),
                    text(body, "offenceCategory"));
        } catch (IllegalArgumentException invalid) {
            throw Problem.badRequest(invalid.getMessage());
        }
        Authorisation created;
        try {
            created = urgent ? guard.requestUrgent(request, GuardProblems.official(call))
                    : guard.register(request, GuardProblems.official(call));
        } catch (GuardRefusal refusal) {
            throw GuardProblems.problem(refusal);
        } catch (IllegalArgumentException invalid) {
            throw Problem.badRequest(invalid.getMessage());
        }
        call.subjects(List.of(created.id()));
        return Response.created(URI.create("authorisations/" + created.id()))
                .entity(CanonicalJson.mapper().writeValueAsString(created)).type(MediaType.APPLICATION_JSON).build();
    }

    /** Grants an urgent request; the body may give the court order's number: {@code {"judicialReference": "…"}}. */
    @POST
    @Path("/{id}/grant")
    @Produces(MediaType.APPLICATION_JSON)
    @Consults(value = DataClass.FACE_MATCHES, access = Access.WRITE)
    public Response grant(@PathParam("id") String id, byte[] payload) throws JsonProcessingException {
        Consultation call = consultation.get();
        call.subjects(List.of(id));
        JsonNode body = json(payload, false);
        String courtOrder = body == null || !body.hasNonNull("judicialReference") ? null
                : text(body, "judicialReference");
        try {
            return ok(guard.grant(id, courtOrder, GuardProblems.official(call)));
        } catch (GuardRefusal refusal) {
            throw GuardProblems.problem(refusal);
        } catch (IllegalArgumentException invalid) {
            throw Problem.badRequest(invalid.getMessage());
        }
    }

    /** Refuses an urgent request: everything delivered under it is purged. */
    @POST
    @Path("/{id}/refuse")
    @Produces(MediaType.APPLICATION_JSON)
    @Consults(value = DataClass.FACE_MATCHES, access = Access.WRITE)
    public Response refuse(@PathParam("id") String id) throws JsonProcessingException {
        Consultation call = consultation.get();
        call.subjects(List.of(id));
        try {
            return ok(guard.refuse(id, GuardProblems.official(call)));
        } catch (GuardRefusal refusal) {
            throw GuardProblems.problem(refusal);
        }
    }

    private static Response ok(Authorisation authorisation) throws JsonProcessingException {
        return Response.ok(CanonicalJson.mapper().writeValueAsString(authorisation)).build();
    }

    private static JsonNode json(byte[] payload, boolean required) {
        if (payload == null || payload.length == 0) {
            if (required) {
                throw Problem.badRequest("the body must be a JSON object");
            }
            return null;
        }
        JsonNode body = JsonBody.parse(payload, CanonicalJson.mapper());
        if (body == null || !body.isObject()) {
            throw Problem.badRequest("the body must be a JSON object");
        }
        return body;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw Problem.badRequest(field + " is missing");
        }
        if (!value.isTextual()) {
            throw Problem.badRequest(field + " must be a string");
        }
        String text = value.textValue().strip();
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw Problem.badRequest(field + " must not contain control characters");
        }
        return text;
    }

    private static List<String> texts(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isArray()) {
            throw Problem.badRequest(field + " must be an array of strings");
        }
        List<String> texts = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!item.isTextual() || item.textValue().strip().chars().anyMatch(Character::isISOControl)) {
                throw Problem.badRequest(field + " must be an array of strings without control characters");
            }
            texts.add(item.textValue().strip());
        }
        return texts;
    }

    private static Instant instant(JsonNode body, String field) {
        Instant instant = Parameters.instant(text(body, field), field);
        if (instant == null) {
            throw Problem.badRequest(field + " is missing");
        }
        return instant;
    }

    private static AuthorisationStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return AuthorisationStatus.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw Problem.badRequest("status '" + text + "' is not requested_urgent, granted, refused or expired");
        }
    }
}
