package org.atalaya.routes.anpr.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.api.messaging.Addresses;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.DataClass;
import org.atalaya.runtime.CanonicalJson;
import org.atalaya.runtime.EventBatch;
import org.atalaya.security.rest.Consults;
import org.atalaya.security.rest.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/anpr/reads}: one read or a batch, as Atalaya JSON or an ONVIF Profile M
 * event. An ONVIF event names no camera (over MQTT the topic does): the query parameter
 * {@code camera} names it. Answers 202 only once every read is on the broker durably (the
 * batch's reads in one broker transaction, committed); a payload that is not valid is refused
 * whole with a problem body saying why.
 */
@Path("/reads")
public class ReadsResource {

    private static final Logger LOG = LoggerFactory.getLogger(ReadsResource.class);

    private final PlateReadParser parser;
    private final ProducerTemplate producer;

    ReadsResource(PlateReadParser parser, ProducerTemplate producer) {
        this.parser = parser;
        this.producer = producer;
    }

    // Its audit record names the call, not each read: the reads themselves, with their camera and
    // time, are what the archive keeps, and listing them again would cost a row per read here.
    @POST
    @Consults(value = DataClass.PLATE_READS, access = Access.WRITE)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(byte[] payload, @QueryParam("camera") String camera, @Context SecurityContext caller)
            throws Exception {
        List<PlateRead> reads;
        try {
            reads = reads(payload, camera);
        } catch (RejectedEvent rejected) {
            LOG.info("Reads from '{}' refused: {}", caller.getUserPrincipal().getName(), rejected.getMessage());
            throw Problem.badRequest(rejected.getMessage());
        }
        EventBatch batch = new EventBatch(producer.getCamelContext());
        List<String> ids = reads.stream().map(PlateRead::id).toList();
        for (String message : CanonicalReads.messages(reads)) {
            batch.add(message, Map.of());
        }
        try {
            batch.sendTo(producer, Addresses.INBOUND_ANPR);
        } catch (CamelExecutionException brokerDown) {
            LOG.warn("Reads could not be enqueued: {}", brokerDown.getCause() == null ? brokerDown
                    : brokerDown.getCause().toString());
            return Problem.response(503, "Service unavailable", "The hub could not accept the reads now; send them"
                    + " again: a read accepted twice is kept once.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", ids.size());
        body.put("ids", ids);
        return Response.accepted(CanonicalJson.mapper().writeValueAsString(body)).build();
    }

    /** The reads a post carries; {@code camera}, the query parameter, names an ONVIF event's camera. */
    List<PlateRead> reads(byte[] payload, String camera) {
        if (!PlateReadParser.isXml(payload)) {
            if (camera != null) {
                throw new RejectedEvent("camera names the camera of an ONVIF event; Atalaya JSON names it in each"
                        + " read's cameraId");
            }
            return parser.parse(payload, null);
        }
        if (camera == null || camera.isEmpty()) {
            throw new RejectedEvent("an ONVIF event names no camera: add ?camera=<cameraId> to the URL");
        }
        if (!PlateReadParser.isCameraId(camera)) {
            throw new RejectedEvent("camera must be 1-64 letters, digits, '-' or '_'");
        }
        return parser.parse(payload, camera);
    }
}
