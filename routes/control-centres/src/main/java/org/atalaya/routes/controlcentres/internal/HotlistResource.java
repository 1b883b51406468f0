package org.atalaya.routes.controlcentres.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.DataClass;
import org.atalaya.api.anpr.Hotlist;
import org.atalaya.api.anpr.HotlistCategory;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.HotlistImport;
import org.atalaya.runtime.CanonicalJson;
import org.atalaya.security.rest.Consultation;
import org.atalaya.security.rest.Consults;
import org.atalaya.security.rest.JsonBody;
import org.atalaya.security.rest.Parameters;
import org.atalaya.security.rest.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The hotlist: list, get, add, update, remove, and bulk import of CSV. */
@Path("/hotlist")
public class HotlistResource {

    private static final Logger LOG = LoggerFactory.getLogger(HotlistResource.class);
    private static final int MAX_LIMIT = 1000;
    // a plate, a country or a time is far shorter than this
    private static final int MAX_TEXT = 64;
    private static final String UNIQUE_VIOLATION = "23505";

    private final Hotlist hotlist;
    private final ObjectMapper json = CanonicalJson.mapper();

    HotlistResource(Hotlist hotlist) {
        this.hotlist = hotlist;
    }

    @GET
    @Consults(DataClass.HOTLIST)
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("plate") String plate,
            @QueryParam("after") @DefaultValue("0") long after, @QueryParam("limit") @DefaultValue("100") int limit)
            throws IOException {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problem.badRequest("limit must be from 1 to " + MAX_LIMIT);
        }
        List<HotlistEntry> page = hotlist.list(plate, after, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("size", hotlist.size());
        body.put("entries", page);
        body.put("nextAfter", page.size() == limit ? page.get(page.size() - 1).id() : null);
        Consultation.current().subjects(page.stream().map(entry -> String.valueOf(entry.id())).toList());
        LOG.info("Hotlist consulted by {} ({} entries returned)", Consultation.current().person(), page.size());
        return Response.ok(json.writeValueAsString(body)).build();
    }

    @GET
    @Path("/{id}")
    @Consults(DataClass.HOTLIST)
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") long id) throws IOException {
        Consultation.current().subjects(List.of(String.valueOf(id)));
        return Response.ok(json.writeValueAsString(hotlist.find(id)
                .orElseThrow(() -> Problem.notFound("no hotlist entry " + id)))).build();
    }

    @POST
    @Consults(value = DataClass.HOTLIST, access = Access.WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response add(byte[] body) throws IOException {
        Consultation caller = Consultation.current();
        HotlistEntry stored = listed(entry(0, body, caller.person()));
        caller.subjects(List.of(String.valueOf(stored.id())));
        LOG.info("Hotlist entry {} added by {}", stored.id(), caller.person());
        return Response.created(URI.create("hotlist/" + stored.id())).entity(json.writeValueAsString(stored)).build();
    }

    @PUT
    @Path("/{id}")
    @Consults(value = DataClass.HOTLIST, access = Access.WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") long id, byte[] body) throws IOException {
        Consultation caller = Consultation.current();
        caller.subjects(List.of(String.valueOf(id)));
        HotlistEntry updated = changed(id, body, caller.person());
        LOG.info("Hotlist entry {} updated by {}", id, caller.person());
        return Response.ok(json.writeValueAsString(updated)).build();
    }

    @DELETE
    @Path("/{id}")
    @Consults(value = DataClass.HOTLIST, access = Access.WRITE)
    public Response remove(@PathParam("id") long id) {
        Consultation caller = Consultation.current();
        caller.subjects(List.of(String.valueOf(id)));
        hotlist.remove(id).orElseThrow(() -> Problem.notFound("no hotlist entry " + id));
        LOG.info("Hotlist entry {} removed by {}", id, caller.person());
        return Response.noContent().build();
    }

    /** Bulk import: CSV with the header {@code plate,country,category,priority} and optional columns. */
    @POST
    @Path("/import")
    @Consults(value = DataClass.HOTLIST, access = Access.WRITE)
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importCsv(@QueryParam("source") String source, InputStream csv) throws IOException {
        Consultation caller = Consultation.current();
        String from = source == null || source.isBlank() ? caller.person() : source.strip();
        HotlistImport result;
        try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8)) {
            result = hotlist.importCsv(reader, from, rows -> { });
        }
        LOG.info("Hotlist import by {} (source {}): {} added, {} replaced, {} rejected", caller.person(), from,
                result.added(), result.replaced(), result.rejected().size());
        return Response.ok(json.writeValueAsString(result)).build();
    }

    /** Lists {@code entry}: one whose source and reference are already listed is a conflict, not a failure. */
    HotlistEntry listed(HotlistEntry entry) {
        return unlessListed(entry, () -> hotlist.add(entry));
    }

    /** Changes entry {@code id} to what {@code body} describes, as {@link #listed} lists one. */
    HotlistEntry changed(long id, byte[] body, String caller) {
        HotlistEntry entry = entry(id, body, caller);
        return unlessListed(entry, () -> hotlist.update(entry))
                .orElseThrow(() -> Problem.notFound("no hotlist entry " + id));
    }

    /**
     * Runs {@code change}, answering 409 when the store refuses it for its source and reference,
     * which one entry at most may have (the CSV import replaces that entry instead).
     */
    private static <T> T unlessListed(HotlistEntry entry, Supplier<T> change) {
        try {
            return change.get();
        } catch (RuntimeException failed) {
            if (uniqueViolation(failed)) {
                throw new Problem(409, "Conflict", "source '" + entry.source() + "' already lists reference '"
                        + entry.reference() + "': change that entry (PUT /hotlist/{id}) or remove it first");
            }
            throw failed;
        }
    }

    /** Whether the database refused a duplicate key (SQLSTATE 23505, in H2 and PostgreSQL alike). */
    private static boolean uniqueViolation(Throwable failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The entry a request body describes; {@code caller} is its source when it names none. */
    HotlistEntry entry(long id, byte[] body, String caller) {
        JsonNode node = JsonBody.parse(body, json);
        if (node == null || !node.isObject()) {
            throw Problem.badRequest("the body must be a JSON object with plate, category and priority");
        }
        String plate = required(node, "plate");
        HotlistCategory category;
        try {
            category = HotlistCategory.valueOf(required(node, "category").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw Problem.badRequest("category must be one of " + java.util.Arrays.toString(HotlistCategory.values()));
        }
        JsonNode priority = node.get("priority");
        if (priority == null || !priority.isIntegralNumber() || !priority.canConvertToInt() || priority.asInt() < 0
                || priority.asInt() > 100) {
            throw Problem.badRequest("priority must be a whole number from 0 to 100");
        }
        String from = JsonBody.text(node, "validFrom", MAX_TEXT);
        Instant validFrom = from == null ? Instant.now() : Parameters.instant(from, "validFrom");
        Instant validUntil = Parameters.instant(JsonBody.text(node, "validUntil", MAX_TEXT), "validUntil");
        String source = JsonBody.text(node, "source", HotlistEntry.MAX_SOURCE);
        try {
            return new HotlistEntry(id, plate, JsonBody.text(node, "country", MAX_TEXT), category, priority.asInt(),
                    source == null ? caller : source, JsonBody.text(node, "reason", HotlistEntry.MAX_REASON),
                    JsonBody.text(node, "reference", HotlistEntry.MAX_REFERENCE), validFrom, validUntil);
        } catch (IllegalArgumentException | NullPointerException invalid) {
            throw Problem.badRequest(invalid.getMessage());
        }
    }

    private static String required(JsonNode node, String field) {
        String value = JsonBody.text(node, field, MAX_TEXT);
        if (value == null || value.isBlank()) {
            throw Problem.badRequest(field + " is required (a string)");
        }
        return value;
    }
}
