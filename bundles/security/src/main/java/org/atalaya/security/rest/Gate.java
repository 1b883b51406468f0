package org.atalaya.security.rest;

import java.lang.reflect.Method;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.security.AccessPolicy;
import org.atalaya.api.security.Agency;
import org.atalaya.api.security.Caller;
import org.atalaya.api.security.Decision;
import org.atalaya.security.internal.CallAudit;
import org.atalaya.security.internal.ClientCertificates;
import org.atalaya.security.internal.RealmLogin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What stands in front of every agency endpoint. For each call it
 * <ol>
 * <li>authenticates the caller: a client certificate an agency claims, or HTTP Basic against
 * the hub's realm (401 otherwise);</li>
 * <li>asks the access policy about the method's {@link Consults} (a method without it is granted
 * to no one), with the purpose ({@value #PURPOSE}) and case ({@value #CASE}) headers: 403 when
 * denied, 400 when the purpose or case is missing;</li>
 * <li>writes the call to the audit log: refusals at once, allowed calls when the response is
 * ready and before its body is written, with the record ids the resource disclosed. A call
 * whose audit record cannot be stored discloses nothing: it is answered 503.</li>
 * </ol>
 */
final class Gate implements ContainerRequestFilter, ContainerResponseFilter {

    static final String PURPOSE = "X-Purpose";
    static final String CASE = "X-Case-Reference";

    private static final Logger LOG = LoggerFactory.getLogger(Gate.class);
    private static final String CALL = Gate.class.getName() + ".call";

    private final AccessPolicy policy;
    private final CallAudit audit;

    @Context
    private ResourceInfo resource;

    /** A call the gate let through, waiting for its response to be audited. */
    private record Call(String action, String dataClass, Consultation consultation) {
    }

    Gate(AccessPolicy policy, AuditLog audit) {
        this.policy = policy;
        this.audit = new CallAudit(audit);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String action = action(request);
        Method method = resource.getResourceMethod();
        Consults consults = method == null ? null : method.getAnnotation(Consults.class);
        String dataClass = consults == null ? null : consults.value().id();
        String purpose = blankToNull(request.getHeaderString(PURPOSE));
        String caseReference = blankToNull(request.getHeaderString(CASE));

        Optional<Caller> authenticated =
                ClientCertificates.caller(PhaseInterceptorChain.getCurrentMessage(), policy);
        if (authenticated.isEmpty()) {
            Optional<String[]> credentials = RealmLogin.basicCredentials(request.getHeaderString(HttpHeaders.AUTHORIZATION));
            if (credentials.isEmpty()) {
                refuse(request, new AuditEntry(Instant.now(), null, null, action, dataClass, List.of(), purpose,
                        caseReference, "denied 401", List.of(), "no credentials"),
                        challenge("Credentials are required (HTTP Basic)."));
                return;
            }
            String user = credentials.get()[0];
            Optional<RealmLogin.Account> account = RealmLogin.login(user, credentials.get()[1]);
            if (account.isEmpty()) {
                LOG.warn("REST login refused for '{}' on {}", user, action);
                refuse(request, new AuditEntry(Instant.now(), null, user, action, dataClass, List.of(), purpose,
                        caseReference, "denied 401", List.of(), "wrong user name or password"),
                        challenge("The user name or password is not valid."));
                return;
            }
            Set<String> roles = account.get().roles();
            authenticated = Optional.of(new Caller(account.get().user(), roles,
                    policy.agencyOfRoles(roles).map(Agency::name).orElse(null)));
        }
        Caller caller = authenticated.get();
        Decision decision = consults == null
                ? Decision.deny("This operation is granted to no one.")
                : policy.decide(caller, consults.value(), consults.access(), purpose, caseReference);
        if (!decision.isAllowed()) {
            boolean denied = decision.outcome() == Decision.Outcome.DENIED;
            int status = denied ? 403 : 400;
            LOG.warn("REST call {} by '{}' ({}) {}: {}", action, caller.person(), caller.agency(),
                    denied ? "denied" : "refused", decision.reason());
            refuse(request, new AuditEntry(Instant.now(), caller.agency(), caller.person(), action, dataClass,
                    List.of(), purpose, caseReference, (denied ? "denied " : "refused ") + status, List.of(),
                    decision.reason()),
                    Problem.response(status, denied ? "Forbidden" : "Bad request", decision.reason()));
            return;
        }
        Consultation consultation = new Consultation(caller, purpose, caseReference, audit::disclosed);
        Message message = PhaseInterceptorChain.getCurrentMessage();
        message.getExchange().put(Consultation.class, consultation);
        request.setProperty(CALL, new Call(action, dataClass, consultation));
        request.setSecurityContext(new CallerContext(caller, request.getSecurityContext().isSecure()));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CALL) instanceof Call call)) {
            return; // refused, and audited, by the request filter
        }
        Consultation consultation = call.consultation();
        Caller caller = consultation.caller();
        int status = response.getStatus();
        boolean success = status < 400;
        try {
            audit.answered(consultation, call.action(), call.dataClass(), success,
                    (success ? "allowed " : "failed ") + status, null);
        } catch (RuntimeException notRecorded) {
            LOG.error("The audit record of {} by '{}' could not be stored: nothing is disclosed", call.action(),
                    caller.person(), notRecorded);
            Response problem = Problem.response(503, "Service unavailable",
                    "The hub cannot record this consultation now, so it does not answer it; try again later.");
            response.setStatus(503);
            response.getHeaders().clear();
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
            response.setEntity(problem.getEntity());
        }
    }

    private void refuse(ContainerRequestContext request, AuditEntry entry, Response answer) {
        audit.refused(entry);
        request.abortWith(answer);
    }

    private static String action(ContainerRequestContext request) {
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        return request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath()
                + (query == null ? "" : "?" + query);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Response challenge(String detail) {
        return Response.fromResponse(Problem.response(401, "Unauthorized", detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Atalaya\", charset=\"UTF-8\"").build();
    }

    /** The authenticated caller, as JAX-RS resources see it. */
    private record CallerContext(Caller caller, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller::person;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.roles().contains(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return caller.roles().isEmpty() ? SecurityContext.CLIENT_CERT_AUTH : SecurityContext.BASIC_AUTH;
        }
    }
}
