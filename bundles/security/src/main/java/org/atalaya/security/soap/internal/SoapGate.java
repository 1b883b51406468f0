package org.atalaya.security.soap.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;

import javax.jws.WebParam;

import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageContentsList;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.atalaya.api.security.AccessPolicy;
import org.atalaya.api.security.Caller;
import org.atalaya.api.security.Decision;
import org.atalaya.security.rest.Consultation;
import org.atalaya.security.rest.Consults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy's say on each SOAP call, once the request is read and just before the operation
 * runs (phase {@code pre-invoke}): the operation's {@link Consults} (none: refused to everyone),
 * with the purpose and case reference the request gives in the operation's parameters named
 * {@value #PURPOSE} and {@value #CASE}. A refusal is audited at once and answered with
 * {@code AccessDenied} or {@code PurposeRequired}; an allowed call gets its
 * {@link Consultation}, which the operation reads with {@link Consultation#current()}.
 */
final class SoapGate extends AbstractPhaseInterceptor<Message> {

    static final String PURPOSE = "purpose";
    static final String CASE = "caseReference";

    private static final Logger LOG = LoggerFactory.getLogger(SoapGate.class);

    private final String address;
    private final Object implementor;
    private final AccessPolicy policy;
    private final SoapAudit audit;

    SoapGate(String address, Object implementor, AccessPolicy policy, SoapAudit audit) {
        super(Phase.PRE_INVOKE);
        this.address = address;
        this.implementor = implementor;
        this.policy = policy;
        this.audit = audit;
    }

    @Override
    public void handleMessage(Message message) {
        SoapCall call = SoapCall.of(message, address, implementor);
        call.identify(message);
        Caller caller = call.caller();
        if (caller == null) {
            // the login runs first on every call; a call it did not see is not let through
            audit.refused(call, null, "denied " + SoapFaults.INVALID_SECURITY.getLocalPart(), "not authenticated");
            throw SoapFaults.sender(message, SoapFaults.INVALID_SECURITY,
                    "A wsse:Security header with a UsernameToken (PasswordText) is required.");
        }
        MessageContentsList parameters = MessageContentsList.getContentsList(message);
        call.gives(parameter(call, parameters, PURPOSE), parameter(call, parameters, CASE));
        Consults consults = call.consults();
        Decision decision = consults == null
                ? Decision.deny("This operation is granted to no one.")
                : policy.decide(caller, consults.value(), consults.access(), call.purpose(), call.caseReference());
        if (!decision.isAllowed()) {
            boolean denied = decision.outcome() == Decision.Outcome.DENIED;
            LOG.warn("SOAP call {} by '{}' ({}) {}: {}", call.action(), caller.person(), caller.agency(),
                    denied ? "denied" : "refused", decision.reason());
            audit.refused(call, caller.person(), denied ? "denied AccessDenied" : "refused PurposeRequired",
                    decision.reason());
            throw SoapFaults.sender(message, denied ? SoapFaults.ACCESS_DENIED : SoapFaults.PURPOSE_REQUIRED,
                    decision.reason());
        }
        Consultation consultation = new Consultation(caller, call.purpose(), call.caseReference(), audit::disclosed);
        call.allowed(consultation);
        message.getExchange().put(Consultation.class, consultation);
    }

    /**
     * The text of the operation's parameter {@code @WebParam(name = name)} (on the implementation
     * or on the service interface), or {@code null} when it has none or the request left it empty.
     * CXF hands the parameters over in the order the method declares them.
     */
    private static String parameter(SoapCall call, MessageContentsList parameters, String name) {
        if (parameters == null) {
            return null;
        }
        for (Method method : new Method[] {call.method(), call.dispatched()}) {
            Annotation[][] annotations = method == null ? new Annotation[0][] : method.getParameterAnnotations();
            for (int index = 0; index < annotations.length; index++) {
                for (Annotation annotation : annotations[index]) {
                    if (annotation instanceof WebParam param && name.equals(param.name())) {
                        return text(parameters, index);
                    }
                }
            }
        }
        return null;
    }

    private static String text(List<Object> parameters, int index) {
        if (index >= parameters.size() || !(parameters.get(index) instanceof String value) || value.isBlank()) {
            return null;
        }
        return value.strip();
    }
}
