package org.atalaya.security.soap.internal;

import java.util.HashMap;
import java.util.Map;

import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.apache.cxf.staxutils.StaxUtils;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.security.AccessPolicy;
import org.atalaya.security.internal.OwnBus;
import org.atalaya.security.internal.RealmLogin;
import org.atalaya.security.soap.SoapEndpoint;

/**
 * A SOAP service published under the hub's CXF servlet ({@code /api}) on a bus of its own, with
 * the gate's interceptors in the order a call meets them:
 * <ol>
 * <li>{@link RequestEncoding} ({@code receive}, in): the request's bytes are UTF-8, without NUL,
 * within the size limit, before anything parses them;</li>
 * <li>{@link WsSecurityLogin} ({@code pre-protocol}, in): who calls, from the WS-Security header
 * or the client certificate, before the body is unmarshalled;</li>
 * <li>CXF's reading of the body, against the schema of the service's WSDL, stopped at the first
 * place the request does not follow it;</li>
 * <li>{@link WholeEnvelope} ({@code post-unmarshal}, in): the envelope is read to its end, so
 * that one cut short or followed by more is not answered;</li>
 * <li>{@link SoapGate} ({@code pre-invoke}, in): the policy on the operation, with the purpose
 * and case the request gives;</li>
 * <li>{@link AnswerAudit} ({@code pre-logical}, out): the audit record of the answer, before
 * it is written;</li>
 * <li>{@link FaultAnswer} ({@code pre-logical}, out-fault): plain faults, and the audit record
 * of a fault nothing audited yet.</li>
 * </ol>
 * Requests are read with tight limits: SOAP calls to the hub are a few small elements, and a
 * parser made to read more is a way to exhaust it. CXF's parser already refuses a DOCTYPE, so
 * neither external entities nor entity expansion reach it.
 */
public final class SoapPublication implements SoapEndpoint {

    /**
     * At most this many characters of XML per request (the request's size, attachments aside),
     * and as many bytes: the request is held in memory while its encoding is checked.
     */
    private static final int MAX_XML_CHARACTERS = 1024 * 1024;

    /** The parser's limits, per request: depth, children, elements, text and attributes. */
    private static final Map<String, Object> LIMITS = Map.of(
            StaxUtils.MAX_ELEMENT_DEPTH, 32,
            StaxUtils.MAX_CHILD_ELEMENTS, 256,
            StaxUtils.MAX_ELEMENT_COUNT, 4096L,
            StaxUtils.MAX_TEXT_LENGTH, 64 * 1024,
            StaxUtils.MAX_ATTRIBUTE_COUNT, 32,
            StaxUtils.MAX_ATTRIBUTE_SIZE, 4096,
            StaxUtils.MAX_XML_CHARACTERS, (long) MAX_XML_CHARACTERS,
            // a service of the hub takes no attachments; a MIME request is held to the same size
            "attachment-max-size", (long) MAX_XML_CHARACTERS,
            // never stack traces, nor the messages of their causes, in a fault
            Message.FAULT_STACKTRACE_ENABLED, Boolean.FALSE,
            Message.EXCEPTION_MESSAGE_CAUSE_ENABLED, Boolean.FALSE);

    private final OwnBus endpoint;

    private SoapPublication(OwnBus endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Publishes {@code implementor} at {@code address} (relative to the CXF servlet), its callers
     * authenticated against the hub's realm.
     */
    public static SoapEndpoint publish(String address, Object implementor, AccessPolicy policy, AuditLog audit) {
        return publish(address, implementor, policy, audit, RealmLogin::login);
    }

    /** Publishes {@code implementor}, its callers' passwords checked by {@code login}. */
    static SoapPublication publish(String address, Object implementor, AccessPolicy policy, AuditLog audit,
            WsSecurityLogin.Login login) {
        SoapAudit records = new SoapAudit(audit);
        return new SoapPublication(OwnBus.publish("SOAP endpoint at " + address, bus -> {
            JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress(address);
            factory.setServiceClass(implementor.getClass());
            factory.setServiceBean(implementor);
            Map<String, Object> properties = new HashMap<>(LIMITS);
            // FaultAnswer logs each fault once, and the gate each refusal, without CXF's stack traces
            properties.put(FaultListener.class.getName(), (FaultListener) (fault, description, message) -> false);
            // a request is read against the schema of the service's WSDL and refused at the first
            // place it does not follow it, not read as no value (FaultAnswer says where and why)
            properties.put(Message.SCHEMA_VALIDATION_ENABLED, "IN");
            factory.setProperties(properties);
            factory.getInInterceptors().add(new RequestEncoding(MAX_XML_CHARACTERS));
            factory.getInInterceptors().add(new WsSecurityLogin(address, implementor, policy, records, login));
            factory.getInInterceptors().add(new WholeEnvelope());
            factory.getInInterceptors().add(new SoapGate(address, implementor, policy, records));
            factory.getOutInterceptors().add(new AnswerAudit(records));
            factory.getOutFaultInterceptors().add(new FaultAnswer(address, implementor, records));
            return factory.create();
        }));
    }

    /** The endpoint's own bus, which a test serves with a CXF servlet of its own. */
    Bus bus() {
        return endpoint.bus();
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
