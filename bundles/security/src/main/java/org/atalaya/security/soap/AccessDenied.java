package org.atalaya.security.soap;

/**
 * Thrown by a SOAP operation that refuses what an allowed call asks for (another agency's
 * records): answered as the gate answers a denial, {@code {urn:atalaya:soap:v1}AccessDenied}
 * with this reason, and audited as {@code failed AccessDenied}.
 */
public class AccessDenied extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param reason in words the caller can act on; it is sent to the caller */
    public AccessDenied(String reason) {
        super(reason);
    }
}
