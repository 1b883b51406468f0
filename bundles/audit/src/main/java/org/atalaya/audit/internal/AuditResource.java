package org.atalaya.audit.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.audit.AuditQuery;
import org.atalaya.api.audit.AuditRecord;
import org.atalaya.api.audit.AuditSeal;
import org.atalaya.api.audit.AuditVerification;
import org.atalaya.api.security.DataClass;
import org.atalaya.audit.export.AuditExport;
import org.atalaya.security.rest.Consults;
import org.atalaya.security.rest.Parameters;
import org.atalaya.security.rest.Problem;

/**
 * The log for the data-protection officer: search, verification, seals, the public key and the
 * export. The gate in front (authentication, the policy on {@link Consults}, the purpose) also
 * records each of these calls in the log itself, so nothing here appends to it.
 */
@Path("/")
public class AuditResource {

    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 100;

    private final AuditLog log;
    private final ObjectMapper json = new ObjectMapper();

    AuditResource(AuditLog log) {
        this.log = log;
    }

    /** The records matching every criterion given, oldest first; {@code nextAfter} asks for the next page. */
    @GET
    @Path("/records")
    @Produces(MediaType.APPLICATION_JSON)
    @Consults(DataClass.AUDIT)
    public Response records(@QueryParam("agency") String agency, @QueryParam("person") String person,
            @QueryParam("dataClass") String dataClass, @QueryParam("subject") String subject,
            @QueryParam("purpose") String purpose, @QueryParam("caseReference") String caseReference,
            @QueryParam("outcome") String outcome, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam("after") String after, @QueryParam("limit") String limit)
            throws IOException {
        AuditQuery query = query(agency, person, dataClass, subject, purpose, caseReference, outcome, since, until,
                after, limit(limit));
        List<AuditRecord> page = log.search(query);
        List<Object> records = new ArrayList<>(page.size());
        for (AuditRecord record : page) {
            records.add(AuditExport.record(record));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("records", records);
        body.put("nextAfter", page.size() == query.limit() ? page.get(page.size() - 1).sequence() : null);
        return json(body);
    }

    /** The whole log and its seals checked: each break, located. */
    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Consults(DataClass.AUDIT)
    public Response verify() throws IOException {
        AuditVerification verification = log.verify();
        List<Object> findings = new ArrayList<>(verification.findings().size());
        for (AuditVerification.Finding finding : verification.findings()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("sequence", finding.sequence());
            view.put("kind", finding.kind().name());
            view.put("detail", finding.detail());
            findings.add(view);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("intact", verification.intact());
        body.put("records", verification.records());
        body.put("seals", verification.seals());
        body.put("findings", findings);
        return json(body);
    }

    /** The seals, oldest first. */
    @GET
    @Path("/seals")
    @Produces(MediaType.APPLICATION_JSON)
    @Consults(DataClass.AUDIT)
    public Response seals() throws IOException {
        List<Object> seals = new ArrayList<>();
        for (AuditSeal seal : log.seals()) {
            seals.add(AuditExport.seal(seal));
        }
        return json(Map.of("seals", seals));
    }

    /** The public key that verifies the seals, PEM. */
    @GET
    @Path("/public-key")
    @Produces(MediaType.TEXT_PLAIN)
    @Consults(DataClass.AUDIT)
    public Response publicKey() {
        return Response.ok(log.publicKey(), MediaType.TEXT_PLAIN_TYPE).build();
    }

    /** The records matching every criterion given, then the seals, as newline-delimited JSON, streamed. */
    @GET
    @Path("/export")
    @Produces(AuditExport.MEDIA_TYPE)
    @Consults(DataClass.AUDIT)
    public Response export(@QueryParam("agency") String agency, @QueryParam("person") String person,
            @QueryParam("dataClass") String dataClass, @QueryParam("subject") String subject,
            @QueryParam("purpose") String purpose, @QueryParam("caseReference") String caseReference,
            @QueryParam("outcome") String outcome, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam("after") String after) {
        AuditQuery query = query(agency, person, dataClass, subject, purpose, caseReference, outcome, since, until,
                after, MAX_LIMIT);
        StreamingOutput lines = output -> AuditExport.write(log, query, output);
        return Response.ok(lines, AuditExport.MEDIA_TYPE).header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"atalaya-audit.ndjson\"").build();
    }

    private Response json(Object body) throws IOException {
        return Response.ok(json.writeValueAsString(body), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store").build();
    }

    private static AuditQuery query(String agency, String person, String dataClass, String subject, String purpose,
            String caseReference, String outcome, String since, String until, String after, int limit) {
        long afterSequence = number(after, "after", 0);
        if (afterSequence < 0) {
            throw Problem.badRequest("after is a record number, 0 or more, not " + afterSequence);
        }
        Instant from = Parameters.instant(since, "since");
        Instant to = Parameters.instant(until, "until");
        if (from != null && to != null && !from.isBefore(to)) {
            throw Problem.badRequest("since (" + from + ") must be before until (" + to + ")");
        }
        return new AuditQuery(text(agency), text(person), dataClass(dataClass), text(subject), text(purpose),
                text(caseReference), text(outcome), from, to, afterSequence, limit);
    }

    private static String dataClass(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DataClass.of(text).id();
        } catch (IllegalArgumentException unknown) {
            throw Problem.badRequest("dataClass " + unknown.getMessage());
        }
    }

    private static int limit(String text) {
        long limit = number(text, "limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problem.badRequest("limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        return (int) limit;
    }

    private static long number(String text, String name, long otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException bad) {
            throw Problem.badRequest(name + " '" + text + "' is not a whole number");
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
