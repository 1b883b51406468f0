package org.atalaya.simulators.registry.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

import javax.xml.namespace.QName;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.phase.Phase;
import org.atalaya.registry.v1.UsernameToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The ministry's check of who calls: the request's {@code wsse:Security} header must hold one
 * {@code UsernameToken} with the user and the {@code PasswordText} password the simulator is
 * configured with. It runs before the body is read, and declares the header understood, so that
 * {@code mustUnderstand="1"} is accepted. Refusals use WS-Security's fault codes (WSS 1.1,
 * section 12) as SOAP 1.1 fault codes: no header or no token, {@code wsse:InvalidSecurity}; a
 * password digest, {@code wsse:UnsupportedSecurityToken}; a wrong user or password,
 * {@code wsse:FailedAuthentication}.
 */
final class UsernameTokenCheck extends AbstractSoapInterceptor {

    static final String WSSE = UsernameToken.WSSE;
    static final QName SECURITY = UsernameToken.SECURITY;
    static final QName INVALID_SECURITY = new QName(WSSE, "InvalidSecurity", "wsse");
    static final QName FAILED_AUTHENTICATION = new QName(WSSE, "FailedAuthentication", "wsse");
    static final QName UNSUPPORTED_SECURITY_TOKEN = new QName(WSSE, "UnsupportedSecurityToken", "wsse");
    static final String PASSWORD_TEXT = UsernameToken.PASSWORD_TEXT;

    private static final Logger LOG = LoggerFactory.getLogger(UsernameTokenCheck.class);

    /** The account the hub is to call with. */
    private record Account(byte[] user, byte[] password) {
    }

    private volatile Account account;

    UsernameTokenCheck(String user, String password) {
        super(Phase.PRE_PROTOCOL);
        account(user, password);
    }

    /** Takes another account from the next request on. */
    void account(String user, String password) {
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("user and password are required: the hub must authenticate");
        }
        account = new Account(user.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
        return Set.of(SECURITY);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        List<Header> headers = message.getHeaders().stream().filter(header -> SECURITY.equals(header.getName()))
                .toList();
        if (headers.size() != 1 || !(headers.get(0).getObject() instanceof Element security)) {
            throw refused(INVALID_SECURITY, "One wsse:Security header with a UsernameToken is required.", null);
        }
        Element token = only(security, "UsernameToken");
        Element user = token == null ? null : only(token, "Username");
        Element password = token == null ? null : only(token, "Password");
        if (user == null || password == null) {
            throw refused(INVALID_SECURITY, "The wsse:Security header must hold one UsernameToken with a Username "
                    + "and a Password.", null);
        }
        String name = user.getTextContent().strip();
        String type = password.getAttributeNS(null, "Type").strip();
        if (!type.isEmpty() && !PASSWORD_TEXT.equals(type)) {
            throw refused(UNSUPPORTED_SECURITY_TOKEN, "Only a PasswordText password is supported.", name);
        }
        Account expected = account;
        // both compared in full, so the time taken does not tell which was wrong
        boolean userMatches = MessageDigest.isEqual(expected.user(), name.getBytes(StandardCharsets.UTF_8));
        boolean passwordMatches = MessageDigest.isEqual(expected.password(),
                password.getTextContent().getBytes(StandardCharsets.UTF_8));
        if (!(userMatches & passwordMatches)) {
            throw refused(FAILED_AUTHENTICATION, "The user name or password is not valid.", name);
        }
    }

    private static SoapFault refused(QName code, String reason, String user) {
        LOG.warn("Interior Ministry simulator refused a call{}: {}", user == null ? "" : " from '" + user + "'",
                code.getLocalPart());
        return new SoapFault(reason, code);
    }

    /** The one child of {@code parent} named {@code name} in the WS-Security namespace, or null. */
    private static Element only(Element parent, String name) {
        Element found = null;
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && WSSE.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                if (found != null) {
                    return null;
                }
                found = element;
            }
        }
        return found;
    }
}
