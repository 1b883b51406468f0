package org.atalaya.security.soap.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.xml.namespace.QName;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.phase.Phase;
import org.atalaya.api.security.AccessPolicy;
import org.atalaya.api.security.Agency;
import org.atalaya.api.security.Caller;
import org.atalaya.security.internal.ClientCertificates;
import org.atalaya.security.internal.RealmLogin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Who calls a SOAP service: a client certificate an agency claims, or else the
 * {@code wsse:UsernameToken} of the request's WS-Security header, checked against the hub's
 * realm. It runs once the headers are read and before the body is (phase {@code pre-protocol}),
 * so that nobody unauthenticated gets the body unmarshalled, and it declares the Security header
 * understood, so that {@code mustUnderstand="1"} is accepted.
 * <p>
 * Only a {@code PasswordText} password (or one without a type) is accepted, and so only over
 * TLS: the realm keeps hashes of the passwords, not the passwords, and a {@code PasswordDigest}
 * (a hash of a nonce, a time and the password itself) can only be checked by whoever has the
 * password in clear. A digest is refused with {@code wsse:UnsupportedSecurityToken}; no header
 * or no token with {@code wsse:InvalidSecurity}; a wrong user or password with
 * {@code wsse:FailedAuthentication}. Each refusal is audited at once.
 */
final class WsSecurityLogin extends AbstractSoapInterceptor {

    static final QName SECURITY = new QName(SoapFaults.WSSE, "Security");
    static final String TOKEN_PROFILE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0";
    static final String PASSWORD_TEXT = TOKEN_PROFILE + "#PasswordText";
    static final String PASSWORD_DIGEST = TOKEN_PROFILE + "#PasswordDigest";

    private static final Logger LOG = LoggerFactory.getLogger(WsSecurityLogin.class);

    /** Checks a user name and password: the hub's realm, or accounts a test supplies. */
    @FunctionalInterface
    interface Login {
        Optional<RealmLogin.Account> login(String user, String password);
    }

    private final String address;
    private final Object implementor;
    private final AccessPolicy policy;
    private final SoapAudit audit;
    private final Login login;

    /** A user name and password as a UsernameToken gives them. */
    private record Token(String user, String password) {
    }

    /** Why a request's credentials are refused, and who it claimed to be, if it said. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient QName code;
        private final String user;
        private final String detail;

        Refusal(QName code, String user, String reason, String detail) {
            super(reason, null, false, false);
            this.code = code;
            this.user = user;
            this.detail = detail;
        }
    }

    WsSecurityLogin(String address, Object implementor, AccessPolicy policy, SoapAudit audit, Login login) {
        super(Phase.PRE_PROTOCOL);
        this.address = address;
        this.implementor = implementor;
        this.policy = policy;
        this.audit = audit;
        this.login = login;
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
        return Set.of(SECURITY);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        SoapCall call = SoapCall.of(message, address, implementor);
        call.identify(message);
        Optional<Caller> certified = ClientCertificates.caller(message, policy);
        if (certified.isPresent()) {
            call.authenticated(certified.get());
            return;
        }
        try {
            Token token = token(message);
            Optional<RealmLogin.Account> account = login.login(token.user(), token.password());
            if (account.isEmpty()) {
                throw new Refusal(SoapFaults.FAILED_AUTHENTICATION, token.user(),
                        "The user name or password is not valid.", "wrong user name or password");
            }
            Set<String> roles = account.get().roles();
            call.authenticated(new Caller(account.get().user(), roles,
                    policy.agencyOfRoles(roles).map(Agency::name).orElse(null)));
        } catch (Refusal refusal) {
            if (refusal.user != null) {
                LOG.warn("SOAP login refused for '{}' on {}: {}", refusal.user, call.action(), refusal.detail);
            }
            audit.refused(call, refusal.user, "denied " + refusal.code.getLocalPart(), refusal.detail);
            throw SoapFaults.sender(message, refusal.code, refusal.getMessage());
        }
    }

    /** The UsernameToken of the request's one Security header. */
    private static Token token(SoapMessage message) throws Refusal {
        List<Header> headers = message.getHeaders().stream().filter(header -> SECURITY.equals(header.getName()))
                .toList();
        if (headers.isEmpty()) {
            throw new Refusal(SoapFaults.INVALID_SECURITY, null,
                    "A wsse:Security header with a UsernameToken (PasswordText) is required.", "no credentials");
        }
        if (headers.size() > 1) {
            throw malformed(null, "more than one Security header");
        }
        if (!(headers.get(0).getObject() instanceof Element security)) {
            throw malformed(null, "a Security header that is not an element");
        }
        List<Element> tokens = children(security, "UsernameToken");
        if (tokens.size() != 1) {
            throw malformed(null, tokens.isEmpty() ? "no UsernameToken" : "more than one UsernameToken");
        }
        List<Element> users = children(tokens.get(0), "Username");
        List<Element> passwords = children(tokens.get(0), "Password");
        String user = users.size() == 1 ? users.get(0).getTextContent().strip() : null;
        if (user == null || user.isEmpty() || passwords.size() != 1) {
            throw malformed(user, "a UsernameToken without one Username and one Password");
        }
        Element password = passwords.get(0);
        String type = password.getAttributeNS(null, "Type").strip();
        if (PASSWORD_DIGEST.equals(type)) {
            throw new Refusal(SoapFaults.UNSUPPORTED_SECURITY_TOKEN, user,
                    "PasswordDigest is not supported: the hub keeps only hashes of passwords, so it verifies"
                            + " a PasswordText password, which must be sent over TLS.",
                    "password digest");
        }
        if (!type.isEmpty() && !PASSWORD_TEXT.equals(type)) {
            throw new Refusal(SoapFaults.UNSUPPORTED_SECURITY_TOKEN, user,
                    "Only a PasswordText password is supported, sent over TLS.", "password type not supported");
        }
        return new Token(user, password.getTextContent());
    }

    private static Refusal malformed(String user, String detail) {
        return new Refusal(SoapFaults.INVALID_SECURITY, user,
                "The wsse:Security header must hold one UsernameToken with a Username and a Password.", detail);
    }

    /** The child elements of {@code parent} in the WS-Security namespace named {@code name}. */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && SoapFaults.WSSE.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }
}
