package org.atalaya.routes.controlcentres.internal;

import java.io.IOException;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.DataClass;
import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.CameraRegistry;
import org.atalaya.api.geo.GeoPoint;
import org.atalaya.runtime.CanonicalJson;
import org.atalaya.security.rest.Consultation;
import org.atalaya.security.rest.Consults;
import org.atalaya.security.rest.JsonBody;
import org.atalaya.security.rest.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ANPR camera registry: every agency may read it, an administrator may change it. */
@Path("/cameras")
public class CamerasResource {

    private static final Logger LOG = LoggerFactory.getLogger(CamerasResource.class);
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    // the store's column size
    private static final int MAX_NAME = 200;

    private final CameraRegistry cameras;
    private final ObjectMapper json = CanonicalJson.mapper();

    CamerasResource(CameraRegistry cameras) {
        this.cameras = cameras;
    }

    @GET
    @Consults(DataClass.DEVICES)
    @Produces(MediaType.APPLICATION_JSON)
    public String list() throws IOException {
        return json.writeValueAsString(cameras.list());
    }

    @GET
    @Path("/{id}")
    @Consults(DataClass.DEVICES)
    @Produces(MediaType.APPLICATION_JSON)
    public String get(@PathParam("id") String id) throws IOException {
        return json.writeValueAsString(cameras.find(id).orElseThrow(() -> Problem.notFound("no camera " + id)));
    }

    /** Adds or replaces a camera: {@code {"name", "latitude", "longitude", "heading", "borderApproach"}}. */
    @PUT
    @Path("/{id}")
    @Consults(value = DataClass.DEVICES, access = Access.WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("id") String id, byte[] body) throws IOException {
        Consultation caller = Consultation.current();
        caller.subjects(java.util.List.of(id));
        if (!ID.matcher(id).matches()) {
            throw Problem.badRequest("a camera id is 1-64 letters, digits, '-' or '_'");
        }
        Camera camera = camera(id, body);
        boolean created = cameras.put(camera);
        LOG.info("Camera {} {} by {}", id, created ? "added" : "replaced", caller.person());
        return Response.status(created ? 201 : 200).entity(json.writeValueAsString(camera)).build();
    }

    @DELETE
    @Path("/{id}")
    @Consults(value = DataClass.DEVICES, access = Access.WRITE)
    public Response remove(@PathParam("id") String id) {
        Consultation caller = Consultation.current();
        caller.subjects(java.util.List.of(id));
        if (!cameras.remove(id)) {
            throw Problem.notFound("no camera " + id);
        }
        LOG.info("Camera {} removed by {}", id, caller.person());
        return Response.noContent().build();
    }

    /** The camera a request body describes. */
    Camera camera(String id, byte[] body) {
        JsonNode node = JsonBody.parse(body, json);
        String name = node == null || !node.isObject() ? null : JsonBody.text(node, "name", MAX_NAME);
        if (name == null || name.isBlank()) {
            throw Problem.badRequest("the body must be a JSON object with name, latitude, longitude, heading");
        }
        JsonNode position = node.has("position") ? node.get("position") : node;
        for (String field : new String[] {"latitude", "longitude"}) {
            if (!position.path(field).isNumber()) {
                throw Problem.badRequest(field + " must be a number");
            }
        }
        JsonNode heading = node.get("heading");
        if (heading != null && !heading.isNull() && !heading.isNumber()) {
            throw Problem.badRequest("heading must be a number of degrees");
        }
        JsonNode borderApproach = node.get("borderApproach");
        if (borderApproach != null && !borderApproach.isNull() && !borderApproach.isBoolean()) {
            throw Problem.badRequest("borderApproach must be true or false");
        }
        try {
            return new Camera(id, name,
                    new GeoPoint(position.get("latitude").asDouble(), position.get("longitude").asDouble()),
                    node.path("heading").asDouble(0), node.path("borderApproach").asBoolean(false));
        } catch (IllegalArgumentException invalid) {
            throw Problem.badRequest(invalid.getMessage());
        }
    }
}
