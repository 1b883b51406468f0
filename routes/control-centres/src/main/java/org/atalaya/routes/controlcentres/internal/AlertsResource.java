package org.atalaya.routes.controlcentres.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.atalaya.api.alert.AgencyAlert;
import org.atalaya.api.alert.AlertKind;
import org.atalaya.api.alert.AlertQuery;
import org.atalaya.api.alert.AlertRepository;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.DataClass;
import org.atalaya.correlation.plate.PlateNormaliser;
import org.atalaya.runtime.CanonicalJson;
import org.atalaya.security.rest.Consultation;
import org.atalaya.security.rest.Consults;
import org.atalaya.security.rest.Parameters;
import org.atalaya.security.rest.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agency's alerts: the list with filters and paging, the live stream (Server-Sent Events,
 * resumable with {@code Last-Event-ID}) and acknowledgement.
 */
@Path("/alerts")
public class AlertsResource {

    static final String EVENT_STREAM = "text/event-stream";
    private static final Logger LOG = LoggerFactory.getLogger(AlertsResource.class);
    private static final int MAX_LIMIT = 500;
    private static final int STREAM_BATCH = 100;

    private final AlertRepository alerts;
    private final Callers callers;
    private final Map<String, LiveStreams> streams;
    private final int heartbeatSeconds;
    private final ObjectMapper json = CanonicalJson.mapper();

    AlertsResource(AlertRepository alerts, Callers callers, Map<String, LiveStreams> streams, int heartbeatSeconds) {
        this.alerts = alerts;
        this.callers = callers;
        this.streams = streams;
        this.heartbeatSeconds = heartbeatSeconds;
    }

    @GET
    @Consults(DataClass.HITS)
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("agency") String agency,
            @QueryParam("kind") String kind, @QueryParam("plate") String plate, @QueryParam("camera") String camera,
            @QueryParam("minPriority") @DefaultValue("0") int minPriority, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam("acknowledged") Boolean acknowledged,
            @QueryParam("before") @DefaultValue("0") long before, @QueryParam("limit") @DefaultValue("50") int limit)
            throws IOException {
        Consultation caller = Consultation.current();
        String forAgency = callers.agency(caller, agency);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problem.badRequest("limit must be from 1 to " + MAX_LIMIT);
        }
        AlertQuery query = new AlertQuery(kind(kind), plate(plate), blankToNull(camera), minPriority,
                Parameters.instant(since, "since"), Parameters.instant(until, "until"), acknowledged, before, limit);
        List<AgencyAlert> page = alerts.list(forAgency, query);
        LOG.info("Alerts of {} consulted by {} ({} returned)", forAgency, caller.person(), page.size());
        List<Object> items = new ArrayList<>(page.size());
        for (AgencyAlert alert : page) {
            items.add(view(alert));
        }
        caller.subjects(page.stream().map(AgencyAlert::id).toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agency", forAgency);
        body.put("alerts", items);
        body.put("nextBefore", page.size() == limit ? page.get(page.size() - 1).sequence() : null);
        return Response.ok(json.writeValueAsString(body)).build();
    }

    @POST
    @Path("/{id}/ack")
    @Consults(value = DataClass.HITS, access = Access.WRITE)
    @Produces(MediaType.APPLICATION_JSON)
    public Response acknowledge(@PathParam("id") String id, @QueryParam("agency") String agency) throws IOException {
        Consultation caller = Consultation.current();
        String forAgency = callers.agency(caller, agency);
        caller.subjects(List.of(id));
        AgencyAlert alert = alerts.acknowledge(forAgency, id, caller.person(), Instant.now())
                .orElseThrow(() -> Problem.notFound(forAgency + " has no alert " + id));
        LOG.info("Alert {} acknowledged for {} by {}", id, forAgency, alert.acknowledgedBy());
        return Response.ok(json.writeValueAsString(view(alert))).build();
    }

    /**
     * The live stream. Each alert is an event whose id is the agency's sequence number; a client
     * that reconnects with {@code Last-Event-ID} (or {@code ?lastEventId=}) gets what it missed.
     * A new client gets only alerts from now on, or everything after {@code lastEventId=0}.
     */
    @GET
    @Path("/stream")
    @Consults(DataClass.HITS)
    @Produces(EVENT_STREAM)
    public Response stream(@QueryParam("agency") String agency, @HeaderParam("Last-Event-ID") String lastEventHeader,
            @QueryParam("lastEventId") String lastEventQuery) {
        Consultation caller = Consultation.current();
        String forAgency = callers.agency(caller, agency);
        long after = resumeAfter(forAgency, lastEventHeader != null ? lastEventHeader : lastEventQuery);
        LiveStreams live = streams.get(forAgency);
        String user = caller.person();
        StreamingOutput events = output -> {
            LOG.info("Alert stream of {} opened by {} after event {}", forAgency, user, after);
            try (LiveStreams.Stream stream = live.open(caller)) {
                pump(caller, forAgency, after, live, stream, output);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (IOException gone) {
                LOG.debug("Alert stream of {} for {} closed by the client", forAgency, user);
            }
            LOG.info("Alert stream of {} for {} ended", forAgency, user);
        };
        return Response.ok(events, EVENT_STREAM).header("Cache-Control", "no-store")
                .header("X-Accel-Buffering", "no").build();
    }

    /**
     * Writes the agency's alerts as they come. Each batch's disclosure is in the audit log before
     * it is sent: recorded as the alerts were stored, while the stream was caught up, or here
     * (LiveStreams). A batch that cannot be recorded ends the stream.
     */
    private void pump(Consultation caller, String agency, long after, LiveStreams live, LiveStreams.Stream stream,
            OutputStream output) throws IOException, InterruptedException {
        AlertSignal signal = live.signal();
        long last = after;
        write(output, "retry: 3000\n: streaming alerts of " + agency + "\n\n");
        while (!signal.isClosed()) {
            long seen = signal.generation();
            List<AgencyAlert> batch = alerts.after(agency, last, STREAM_BATCH);
            stream.live(batch.size() < STREAM_BATCH);
            if (!batch.isEmpty()) {
                StringBuilder events = new StringBuilder();
                List<String> unrecorded = new ArrayList<>(0);
                for (AgencyAlert alert : batch) {
                    events.append("id: ").append(alert.sequence()).append('\n')
                            .append("event: ").append(alert.kind().name().toLowerCase(Locale.ROOT)).append('\n')
                            .append("data: ").append(json.writeValueAsString(view(alert))).append("\n\n");
                    last = alert.sequence();
                    if (!stream.recorded(alert)) {
                        unrecorded.add(alert.id());
                    }
                }
                if (!unrecorded.isEmpty()) {
                    caller.disclosed(live.action(), unrecorded);
                }
                write(output, events.toString());
                continue;
            }
            if (signal.awaitAfter(seen, heartbeatSeconds, TimeUnit.SECONDS) && signal.generation() == seen) {
                write(output, ": keep-alive\n\n");
            }
        }
    }

    private long resumeAfter(String agency, String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            List<AgencyAlert> newest = alerts.list(agency, new AlertQuery(null, null, null, 0, null, null, null, 0, 1));
            return newest.isEmpty() ? 0 : newest.get(0).sequence();
        }
        try {
            return Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException bad) {
            throw Problem.badRequest("Last-Event-ID '" + lastEventId + "' is not an event id of this stream");
        }
    }

    private static void write(OutputStream output, String text) throws IOException {
        output.write(text.getBytes(StandardCharsets.UTF_8));
        output.flush();
    }

    private Map<String, Object> view(AgencyAlert alert) throws IOException {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("sequence", alert.sequence());
        view.put("id", alert.id());
        view.put("agency", alert.agency());
        view.put("kind", alert.kind());
        view.put("priority", alert.priority());
        view.put("plate", alert.plate());
        view.put("cameraId", alert.cameraId());
        view.put("raisedAt", alert.raisedAt());
        view.put("acknowledgedAt", alert.acknowledgedAt());
        view.put("acknowledgedBy", alert.acknowledgedBy());
        view.put("alert", json.readTree(alert.json()));
        return view;
    }

    private static AlertKind kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return AlertKind.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw Problem.badRequest("kind '" + text + "' is not one of " + Arrays.stream(AlertKind.values())
                    .map(kind -> kind.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }

    private static String plate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String plate = PlateNormaliser.normalise(text);
        if (plate == null) {
            throw Problem.badRequest("'" + text + "' is not a licence plate");
        }
        return plate;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
