package org.atalaya.security.soap.internal;

import java.util.ResourceBundle;
import java.util.function.Predicate;

import javax.xml.bind.UnmarshalException;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.atalaya.security.soap.AccessDenied;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXParseException;

/**
 * Every fault a SOAP service answers, before it is written (phase {@code pre-logical} of the
 * fault chain, ahead of the fault's marshalling):
 * <ul>
 * <li>says what went wrong without internals: the gate's faults and those the operation
 * declares ({@code @WebFault}, answered as the caller's: {@code Client}, {@code Sender}) keep
 * their reason; an {@link AccessDenied} the operation throws becomes the gate's
 * {@code AccessDenied}; a request that cannot be read (its bytes refused by
 * {@link RequestEncoding}, or XML the parser could not read, however CXF wraps the parser's error)
 * is the caller's ({@code Client}, {@code Sender}) and is logged in one line, as is a request
 * that does not follow the schema of the service's WSDL (which CXF reads the body against, and
 * stops at the first place it does not), told where and why; any other (a request
 * CXF refused otherwise, an exception the operation let escape) gets a plain reason, and the
 * original goes to the log;</li>
 * <li>is audited when nothing audited the call yet: {@code failed <fault>} for a call the gate
 * allowed, {@code refused <fault>} for a request refused before the gate (one that cannot be
 * read). When the record of an allowed call cannot be stored, the fault becomes
 * {@code ServiceUnavailable}: a declared fault may disclose too.</li>
 * </ul>
 */
final class FaultAnswer extends AbstractPhaseInterceptor<Message> {

    private static final Logger LOG = LoggerFactory.getLogger(FaultAnswer.class);

    private final String address;
    private final Object implementor;
    private final SoapAudit audit;

    FaultAnswer(String address, Object implementor, SoapAudit audit) {
        super(Phase.PRE_LOGICAL);
        this.address = address;
        this.implementor = implementor;
        this.audit = audit;
    }

    /** The fault that replaces an answer whose audit record could not be stored. */
    static Fault unavailable(Message message) {
        return SoapFaults.receiver(message, SoapFaults.SERVICE_UNAVAILABLE,
                "The hub cannot record this consultation now, so it does not answer it; try again later.");
    }

    @Override
    public void handleMessage(Message message) {
        if (!(message.getContent(Exception.class) instanceof Fault original)) {
            return;
        }
        SoapCall call = SoapCall.of(message, address, implementor);
        Fault fault = plain(message, call, original);
        String name = SoapFaults.name(fault);
        if (call.consultation() == null) {
            audit.refused(call, null, "refused " + name, fault.getMessage());
        } else {
            try {
                audit.answered(call, false, "failed " + name, fault.getMessage());
            } catch (RuntimeException notRecorded) {
                LOG.error("The audit record of {} by '{}' could not be stored: nothing is disclosed", call.action(),
                        call.caller().person(), notRecorded);
                fault = unavailable(message);
            }
        }
        message.setContent(Exception.class, fault);
    }

    /** The fault as the caller may see it: with its code, and a reason that tells no internals. */
    private static Fault plain(Message message, SoapCall call, Fault fault) {
        if (SoapFaults.fromGate(fault)) {
            return fault;
        }
        if (SoapFaults.declared(fault) != null) {
            // an operation declares the faults it refuses a request with: the caller's to mend
            fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
            return fault;
        }
        if (fault.getCause() instanceof AccessDenied denied) {
            LOG.warn("SOAP call {} by '{}' denied by the operation: {}", call.action(),
                    call.caller() == null ? null : call.caller().person(), denied.getMessage());
            return SoapFaults.sender(message, SoapFaults.ACCESS_DENIED, denied.getMessage());
        }
        Throwable unreadable = call.consultation() == null ? unreadable(fault) : null;
        if (unreadable != null) {
            // read before the gate let it through: the parser's failure is the request's, however CXF wraps it
            LOG.warn("SOAP request to {} refused: {}", call.action(), oneLine(unreadable.getMessage()));
            return replaced(fault, Fault.FAULT_CODE_CLIENT, unreadable instanceof RequestEncoding.UnreadableRequest
                    ? unreadable.getMessage()
                    : "The request is not well-formed XML; see the service's WSDL (?wsdl).");
        }
        Throwable invalid = call.consultation() == null ? cause(fault, UnmarshalException.class::isInstance) : null;
        if (invalid != null) {
            String reason = invalid((UnmarshalException) invalid);
            LOG.warn("SOAP request to {} refused: {}", call.action(), oneLine(reason));
            return replaced(fault, Fault.FAULT_CODE_CLIENT, reason);
        }
        String reason;
        if (SoapFaults.hubs(fault)) {
            LOG.error("SOAP call {} failed", call.action(), fault);
            reason = "The hub could not process the request; it is logged.";
        } else {
            LOG.warn("SOAP request to {} refused: {}", call.action(), oneLine(fault.getMessage()));
            reason = "The request is not one this service accepts; see its WSDL (?wsdl).";
        }
        return replaced(fault, fault.getFaultCode() == null ? Fault.FAULT_CODE_SERVER : fault.getFaultCode(), reason);
    }

    /**
     * What made a request unreadable: the encoding check's refusal, or the parser's error (which
     * CXF may wrap in a fault of the hub's, {@code Couldn't parse stream}); {@code null} if neither.
     */
    private static Throwable unreadable(Fault fault) {
        return cause(fault, cause -> cause instanceof RequestEncoding.UnreadableRequest
                || cause instanceof XMLStreamException);
    }

    /**
     * Where and why a request does not follow the service's schema, from JAXB's refusal: the
     * schema's or the conversion's message, at the parser's line and column. JAXB on its own would
     * read {@code <limit>ten</limit>} as 0 and {@code <since>1763721600</since>} as a time in that
     * year (one of XML Schema's date forms, though not the {@code xs:dateTime} the WSDL asks for).
     */
    private static String invalid(UnmarshalException refused) {
        Throwable linked = refused.getLinkedException();
        String message = linked != null && linked.getMessage() != null ? linked.getMessage() : refused.getMessage();
        String why = message == null ? "not valid" : message.strip();
        String where = linked instanceof SAXParseException at && at.getLineNumber() > 0
                ? " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")"
                : "";
        return "The request does not follow the service's WSDL (?wsdl)" + where + ": " + why
                + (why.endsWith(".") ? "" : ".");
    }

    /** The first of {@code fault}'s causes that {@code is}, or {@code null}. */
    private static Throwable cause(Fault fault, Predicate<Throwable> is) {
        for (Throwable cause = fault.getCause(); cause != null; cause = cause.getCause()) {
            if (is.test(cause)) {
                return cause;
            }
        }
        return null;
    }

    private static Fault replaced(Fault fault, QName code, String reason) {
        Fault plain = new Fault(new org.apache.cxf.common.i18n.Message(reason, (ResourceBundle) null), code);
        plain.setStatusCode(fault.getStatusCode());
        return plain;
    }

    /** The parser's messages span lines (the position comes on the next): one log line per refusal. */
    private static String oneLine(String text) {
        return text == null ? null : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
