package org.atalaya.routes.controlcentres.internal;

import java.io.IOException;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.atalaya.api.security.DataClass;
import org.atalaya.api.anpr.Hotlist;
import org.atalaya.api.anpr.PlateCheck;
import org.atalaya.runtime.CanonicalJson;
import org.atalaya.security.rest.Consultation;
import org.atalaya.security.rest.Consults;
import org.atalaya.security.rest.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /plates/{plate}/check}: how a plate, as a camera might read it, matches the hotlist. */
@Path("/plates")
public class PlatesResource {

    private static final Logger LOG = LoggerFactory.getLogger(PlatesResource.class);

    private final Hotlist hotlist;

    PlatesResource(Hotlist hotlist) {
        this.hotlist = hotlist;
    }

    @GET
    @Path("/{plate}/check")
    @Consults(DataClass.HOTLIST)
    @Produces(MediaType.APPLICATION_JSON)
    public String check(@PathParam("plate") String plate,
            @QueryParam("country") String country) throws IOException {
        PlateCheck check = hotlist.check(plate, country);
        if (check.plate() == null) {
            throw Problem.badRequest("'" + plate + "' is not a licence plate: letters and digits, at most 11");
        }
        Consultation caller = Consultation.current();
        caller.subjects(java.util.List.of(check.plate()));
        LOG.info("Plate checked by {}: {} hit(s)", caller.person(), check.hits().size());
        return CanonicalJson.mapper().writeValueAsString(check);
    }
}
