package org.atalaya.registry.v1;

import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * How a caller of the registry says who it is: an OASIS WS-Security 1.0 {@code wsse:Security}
 * SOAP header holding a {@code UsernameToken}. The hub's connector sends it; the ministry (and
 * its simulator) checks it.
 */
public final class UsernameToken {

    public static final String WSSE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    /** The header's name. */
    public static final QName SECURITY = new QName(WSSE, "Security");
    /** The only password type the registry accepts: the password itself, over TLS. */
    public static final String PASSWORD_TEXT =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";

    private UsernameToken() {
    }

    /** The {@code wsse:Security} header element for {@code user}, its password of {@code passwordType}. */
    public static Element header(String user, String password, String passwordType) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().newDocument();
            Element security = document.createElementNS(WSSE, "wsse:Security");
            Element token = document.createElementNS(WSSE, "wsse:UsernameToken");
            Element name = document.createElementNS(WSSE, "wsse:Username");
            name.setTextContent(user);
            Element secret = document.createElementNS(WSSE, "wsse:Password");
            secret.setAttributeNS(null, "Type", passwordType);
            secret.setTextContent(password);
            token.appendChild(name);
            token.appendChild(secret);
            security.appendChild(token);
            document.appendChild(security);
            return security;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
