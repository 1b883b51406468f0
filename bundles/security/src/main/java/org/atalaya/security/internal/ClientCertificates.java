package org.atalaya.security.internal;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;

import org.apache.cxf.message.Message;
import org.apache.cxf.security.transport.TLSSessionInfo;
import org.atalaya.api.security.AccessPolicy;
import org.atalaya.api.security.Caller;

/**
 * The caller a TLS client certificate names, for every endpoint of the hub, REST or SOAP: the
 * certificate's subject, acting for the agency of the policy that claims it.
 */
public final class ClientCertificates {

    private ClientCertificates() {
    }

    /**
     * The caller named by the client certificate of the connection {@code message} came on, when
     * an agency of the policy claims its subject; empty without a certificate or a claim.
     */
    public static Optional<Caller> caller(Message message, AccessPolicy policy) {
        TLSSessionInfo tls = message == null ? null : message.get(TLSSessionInfo.class);
        Certificate[] chain = tls == null ? null : tls.getPeerCertificates();
        if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
            return Optional.empty();
        }
        String subject = certificate.getSubjectX500Principal().getName();
        return policy.agencyOfCertificate(subject)
                .map(agency -> new Caller(subject, Set.of(), agency.name()));
    }
}
