package org.atalaya.security.soap.internal;

import java.lang.reflect.Method;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.service.Service;
import org.apache.cxf.service.invoker.MethodDispatcher;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.apache.cxf.service.model.ServiceModelUtil;
import org.atalaya.api.security.Caller;
import org.atalaya.security.rest.Consultation;
import org.atalaya.security.rest.Consults;

/**
 * One SOAP call as the gate follows it through its exchange: which operation, who, whether it
 * was allowed, and whether its audit record was written, so that each call is written once.
 */
final class SoapCall {

    private final String address;
    private final Object implementor;
    private String operation;
    private Method method;
    private Caller caller;
    private String purpose;
    private String caseReference;
    private Consultation consultation;
    private boolean audited;

    private SoapCall(String address, Object implementor) {
        this.address = address;
        this.implementor = implementor;
    }

    /** The call {@code message} belongs to, followed from its first interceptor on. */
    static SoapCall of(Message message, String address, Object implementor) {
        Exchange exchange = message.getExchange();
        SoapCall call = exchange.get(SoapCall.class);
        if (call == null) {
            call = new SoapCall(address, implementor);
            exchange.put(SoapCall.class, call);
        }
        return call;
    }

    /** The call {@code message} belongs to, if an interceptor of the gate saw it. */
    static SoapCall find(Message message) {
        return message.getExchange() == null ? null : message.getExchange().get(SoapCall.class);
    }

    /**
     * Finds the operation called: the one CXF dispatched to once the body is read, or before
     * that, the one whose request element opens the body. A name that is not an operation of the
     * service is not taken (it never reaches the audit log).
     */
    void identify(Message message) {
        Exchange exchange = message.getExchange();
        BindingOperationInfo operationInfo = exchange.getBindingOperationInfo();
        if (operationInfo == null) {
            XMLStreamReader body = message.getContent(XMLStreamReader.class);
            if (body == null || body.getEventType() != XMLStreamConstants.START_ELEMENT) {
                return;
            }
            QName element = body.getName();
            operationInfo = ServiceModelUtil.getOperationForWrapperElement(exchange, element, false);
            if (operationInfo == null) {
                operationInfo = ServiceModelUtil.getOperation(exchange, element);
            }
            if (operationInfo == null) {
                return;
            }
        }
        operation = operationInfo.getName().getLocalPart();
        Service service = exchange.getService();
        MethodDispatcher dispatcher = service == null ? null
                : (MethodDispatcher) service.get(MethodDispatcher.class.getName());
        Method found = dispatcher == null ? null : dispatcher.getMethod(operationInfo);
        if (found == null && dispatcher != null && operationInfo.getUnwrappedOperation() != null) {
            found = dispatcher.getMethod(operationInfo.getUnwrappedOperation());
        }
        if (found != null) {
            method = found;
        }
    }

    /** {@code SOAP /soap/consultation CheckPlate}; without the operation until it is known. */
    String action() {
        return "SOAP " + address + (operation == null ? "" : " " + operation);
    }

    /** The operation's method, as the implementor declares it, or {@code null} when unknown. */
    Method method() {
        if (method == null) {
            return null;
        }
        try {
            return implementor.getClass().getMethod(method.getName(), method.getParameterTypes());
        } catch (NoSuchMethodException notOnTheClass) {
            return method;
        }
    }

    /** The operation's method as CXF dispatches to it (the service interface's, if any). */
    Method dispatched() {
        return method;
    }

    /**
     * What the operation consults: its implementation's {@link Consults}, or its service
     * interface's; {@code null} when neither says (the operation is then refused).
     */
    Consults consults() {
        Method implementation = method();
        Consults consults = implementation == null ? null : implementation.getAnnotation(Consults.class);
        if (consults == null && method != null) {
            consults = method.getAnnotation(Consults.class);
        }
        return consults;
    }

    /** The data class id for the audit log, or {@code null}. */
    String dataClass() {
        Consults consults = consults();
        return consults == null ? null : consults.value().id();
    }

    Caller caller() {
        return caller;
    }

    void authenticated(Caller authenticated) {
        this.caller = authenticated;
    }

    String purpose() {
        return purpose;
    }

    String caseReference() {
        return caseReference;
    }

    void gives(String givenPurpose, String givenCase) {
        this.purpose = givenPurpose;
        this.caseReference = givenCase;
    }

    /** The consultation the gate allowed, or {@code null} when it did not (yet). */
    Consultation consultation() {
        return consultation;
    }

    void allowed(Consultation allowed) {
        this.consultation = allowed;
    }

    /** Marks the call audited; {@code false} when it already was. */
    boolean audit() {
        if (audited) {
            return false;
        }
        audited = true;
        return true;
    }
}
