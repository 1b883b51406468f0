package org.atalaya.security.soap.internal;

import java.util.List;

import javax.xml.namespace.QName;
import javax.xml.ws.WebFault;

import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.SoapVersion;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;

/**
 * The faults the SOAP gate answers with. WS-Security's own codes (WSS 1.1, section 12) for
 * authentication, Atalaya's for what follows it. SOAP 1.1 has no subcodes, so there the code is
 * the fault code itself; SOAP 1.2 puts it as the subcode of {@code env:Sender} (the caller's
 * doing) or {@code env:Receiver} (the hub's).
 */
final class SoapFaults {

    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String ATALAYA = "urn:atalaya:soap:v1";

    /** No Security header, or not one the hub can read. */
    static final QName INVALID_SECURITY = new QName(WSSE, "InvalidSecurity", "wsse");
    /** The user name or password is wrong. */
    static final QName FAILED_AUTHENTICATION = new QName(WSSE, "FailedAuthentication", "wsse");
    /** A token the hub does not verify: a password digest. */
    static final QName UNSUPPORTED_SECURITY_TOKEN = new QName(WSSE, "UnsupportedSecurityToken", "wsse");
    /** The policy does not grant the operation, or the purpose, to the caller's agency. */
    static final QName ACCESS_DENIED = new QName(ATALAYA, "AccessDenied", "atalaya");
    /** The operation needs a purpose (or a case reference) the request did not give. */
    static final QName PURPOSE_REQUIRED = new QName(ATALAYA, "PurposeRequired", "atalaya");
    /** The hub cannot record the call now, so it does not answer it. */
    static final QName SERVICE_UNAVAILABLE = new QName(ATALAYA, "ServiceUnavailable", "atalaya");

    private SoapFaults() {
    }

    /** A fault that is the caller's doing. */
    static SoapFault sender(Message message, QName code, String reason) {
        SoapVersion version = version(message);
        return fault(version, version.getSender(), code, reason);
    }

    /** A fault that is the hub's doing. */
    static SoapFault receiver(Message message, QName code, String reason) {
        SoapVersion version = version(message);
        return fault(version, version.getReceiver(), code, reason);
    }

    /** Whether the gate made this fault: its code or subcode is WS-Security's or Atalaya's. */
    static boolean fromGate(Fault fault) {
        if (own(fault.getFaultCode())) {
            return true;
        }
        return fault instanceof SoapFault soap && soap.getSubCodes() != null
                && soap.getSubCodes().stream().anyMatch(SoapFaults::own);
    }

    /**
     * The fault as the audit log names it: the gate's code, the name of a fault the operation
     * declares ({@code InvalidRequest}), or the SOAP code ({@code Client}, {@code Server}).
     */
    static String name(Fault fault) {
        WebFault declared = declared(fault);
        if (declared != null) {
            return declared.name();
        }
        List<QName> subcodes = fault instanceof SoapFault soap ? soap.getSubCodes() : null;
        if (subcodes != null && !subcodes.isEmpty()) {
            return subcodes.get(subcodes.size() - 1).getLocalPart();
        }
        if (fault.getFaultCode() == null || fault.getFaultCode().equals(Fault.FAULT_CODE_SERVER)) {
            return "Server";
        }
        return fault.getFaultCode().equals(Fault.FAULT_CODE_CLIENT) ? "Client" : fault.getFaultCode().getLocalPart();
    }

    /** The {@code @WebFault} of the exception an operation threw, when it declares it. */
    static WebFault declared(Fault fault) {
        Throwable cause = fault.getCause();
        return cause == null ? null : cause.getClass().getAnnotation(WebFault.class);
    }

    /** Whether the fault is the hub's doing ({@code Server}, {@code Receiver}) rather than the caller's. */
    static boolean hubs(Fault fault) {
        String code = fault.getFaultCode() == null ? "Server" : fault.getFaultCode().getLocalPart();
        return code.equalsIgnoreCase("Server") || code.equals("Receiver");
    }

    private static SoapFault fault(SoapVersion version, QName kind, QName code, String reason) {
        if (version.getVersion() == 1.1) {
            return new SoapFault(reason, code);
        }
        SoapFault fault = new SoapFault(reason, kind);
        fault.setSubCode(code);
        return fault;
    }

    private static boolean own(QName code) {
        return code != null && (WSSE.equals(code.getNamespaceURI()) || ATALAYA.equals(code.getNamespaceURI()));
    }

    private static SoapVersion version(Message message) {
        return message instanceof SoapMessage soap ? soap.getVersion() : Soap11.getInstance();
    }
}
