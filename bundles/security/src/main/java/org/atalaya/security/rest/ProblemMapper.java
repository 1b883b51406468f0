package org.atalaya.security.rest;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.atalaya.runtime.BrokerFull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error a resource lets escape becomes a problem detail: a {@link Problem} as it is, any
 * other JAX-RS error with its status, a refused argument as 400, events the broker refused for
 * its full disk ({@link BrokerFull}) as 503 with {@code Retry-After}, and anything unexpected as
 * 500 without internals (those go to the log).
 */
public final class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Override
    public Response toResponse(Throwable error) {
        if (error instanceof Problem problem) {
            LOG.info("REST request refused: {}", problem.getMessage());
            return problem.getResponse();
        }
        if (error instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            Response.StatusType type = Response.Status.fromStatusCode(status);
            return Problem.response(status, type == null ? "Error" : type.getReasonPhrase(),
                    status == 404 ? "There is no such resource." : web.getMessage());
        }
        if (error instanceof BrokerFull) {
            // the runtime logs when the refusals start and end; a line a post would flood the log
            LOG.debug("REST request refused: the broker's disk is full");
            return Problem.unavailable("The hub's storage is full: it takes no events until space is freed. Send"
                    + " them again later: an event accepted twice is kept once.", BrokerFull.RETRY_AFTER_SECONDS);
        }
        if (error instanceof IllegalArgumentException refused) {
            LOG.info("REST request refused: {}", refused.getMessage());
            return Problem.response(400, "Bad request", refused.getMessage());
        }
        LOG.error("REST request failed", error);
        return Problem.response(500, "Internal error", "The hub could not process the request; it is logged.");
    }
}
