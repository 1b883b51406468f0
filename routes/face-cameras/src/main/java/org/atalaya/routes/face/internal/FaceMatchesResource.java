package org.atalaya.routes.face.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.api.face.BiometricGuard;
import org.atalaya.api.face.DeliveredMatch;
import org.atalaya.api.face.FaceMatch;
import org.atalaya.api.face.GuardRefusal;
import org.atalaya.api.face.MatchQuery;
import org.atalaya.api.face.MatchState;
import org.atalaya.api.messaging.Addresses;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.DataClass;
import org.atalaya.runtime.CanonicalJson;
import org.atalaya.runtime.EventBatch;
import org.atalaya.security.rest.Consultation;
import org.atalaya.security.rest.Consults;
import org.atalaya.security.rest.Parameters;
import org.atalaya.security.rest.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Face matches: cameras post them ({@code POST}, answered 202 only once every match is on the
 * broker durably; a payload that is not valid is a 400 to anyone, a valid one from an account
 * that is not a camera's a 403), and the recipient agency lists, reads and confirms those the guard delivered
 * to it. Who may do what is the gate's policy on {@link Consults}; what the guard allows (the
 * recipient only, two distinct people) it decides itself.
 */
@Path("/matches")
public class FaceMatchesResource {

    static final int MAX_LIMIT = 500;
    private static final Logger LOG = LoggerFactory.getLogger(FaceMatchesResource.class);

    private final FaceMatchParser parser;
    private final ProducerTemplate producer;
    private final BiometricGuard guard;
    private final Set<String> cameraAgencies;
    private final Supplier<Consultation> consultation;

    /**
     * @param cameraAgencies the device families whose accounts may post matches
     * @param consultation   the call being served: {@code Consultation::current} in the container
     */
    FaceMatchesResource(FaceMatchParser parser, ProducerTemplate producer, BiometricGuard guard,
            Set<String> cameraAgencies, Supplier<Consultation> consultation) {
        this.parser = parser;
        this.producer = producer;
        this.guard = guard;
        this.cameraAgencies = Set.copyOf(cameraAgencies);
        this.consultation = consultation;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Consults(value = DataClass.FACE_MATCHES, access = Access.WRITE)
    public Response post(byte[] payload) throws JsonProcessingException {
        Consultation call = consultation.get();
        List<FaceMatch> matches;
        try {
            matches = parser.parse(payload, null);
        } catch (RejectedEvent rejected) {
            LOG.info("Face matches from '{}' refused: {}", call.person(), rejected.getMessage());
            throw Problem.badRequest(rejected.getMessage());
        }
        // The police and justice write face-matches too (confirmations, authorisations); a match
        // must come from a camera, or anyone able to confirm one could also make one up.
        if (!cameraAgencies.contains(call.agency())) {
            LOG.warn("Face matches posted by '{}' of {} refused: not a camera account", call.person(), call.agency());
            throw Problem.forbidden("Only the face cameras' accounts post face matches.");
        }
        EventBatch batch = new EventBatch(producer.getCamelContext());
        List<String> ids = new ArrayList<>(matches.size());
        for (FaceMatch match : matches) {
            batch.add(CanonicalMatches.body(match), CanonicalMatches.headers(match));
            ids.add(match.id());
        }
        // the matches the call concerns, whether or not the broker took them
        call.subjects(ids);
        try {
            batch.sendTo(producer, Addresses.INBOUND_FACE);
        } catch (CamelExecutionException brokerDown) {
            LOG.warn("Face matches could not be enqueued: {}", brokerDown.getCause() == null ? brokerDown
                    : brokerDown.getCause().toString());
            return Problem.response(503, "Service unavailable", "The hub could not accept the matches now; send"
                    + " them again: a match accepted twice is kept once.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", ids.size());
        body.put("ids", ids);
        return Response.accepted(CanonicalJson.mapper().writeValueAsString(body)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Consults(value = DataClass.FACE_MATCHES, access = Access.READ)
    public Response list(@QueryParam("state") String state, @QueryParam("since") String since,
            @QueryParam("before") @DefaultValue("0") long before, @QueryParam("limit") @DefaultValue("50") int limit)
            throws JsonProcessingException {
        Consultation call = consultation.get();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problem.badRequest("limit must be from 1 to " + MAX_LIMIT);
        }
        if (before < 0) {
            throw Problem.badRequest("before must be a match's sequence number");
        }
        MatchQuery query = new MatchQuery(state(state), Parameters.instant(since, "since"), before, limit);
        List<DeliveredMatch> page;
        try {
            page = guard.matches(call.agency(), query);
        } catch (GuardRefusal refusal) {
            throw GuardProblems.problem(refusal);
        }
        call.subjects(page.stream().map(delivered -> delivered.match().id()).toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agency", call.agency());
        body.put("confirmationsRequired", guard.confirmationsRequired());
        body.put("matches", page);
        body.put("nextBefore", page.size() == limit ? page.get(page.size() - 1).sequence() : null);
        return Response.ok(CanonicalJson.mapper().writeValueAsString(body)).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Consults(value = DataClass.FACE_MATCHES, access = Access.READ)
    public Response get(@PathParam("id") String id) throws JsonProcessingException {
        Consultation call = consultation.get();
        DeliveredMatch match;
        try {
            match = guard.match(call.agency(), id)
                    .orElseThrow(() -> Problem.notFound("There is no face match " + id + " for " + call.agency()));
        } catch (GuardRefusal refusal) {
            throw GuardProblems.problem(refusal);
        }
        call.subjects(List.of(id));
        return Response.ok(CanonicalJson.mapper().writeValueAsString(match)).build();
    }

    @POST
    @Path("/{id}/confirm")
    @Produces(MediaType.APPLICATION_JSON)
    @Consults(value = DataClass.FACE_MATCHES, access = Access.WRITE)
    public Response confirm(@PathParam("id") String id) throws JsonProcessingException {
        Consultation call = consultation.get();
        call.subjects(List.of(id));
        DeliveredMatch confirmed;
        try {
            confirmed = guard.confirm(id, GuardProblems.official(call));
        } catch (GuardRefusal refusal) {
            throw GuardProblems.problem(refusal);
        }
        return Response.ok(CanonicalJson.mapper().writeValueAsString(confirmed)).build();
    }

    private static MatchState state(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return MatchState.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw Problem.badRequest("state '" + text + "' is not pending_verification or actionable");
        }
    }
}
