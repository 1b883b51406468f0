/**
 * The agencies' SOAP services, behind the same guarantees as the REST endpoints.
 * <ul>
 * <li>Authentication: a WS-Security 1.0 {@code wsse:Security} header with one
 * {@code wsse:UsernameToken} whose password is {@code PasswordText}, checked against the hub's
 * realm (so only over TLS), or a client certificate an agency claims. The realm keeps password
 * hashes, so a {@code PasswordDigest} cannot be checked and is refused.</li>
 * <li>Authorisation: the policy decides each operation on its
 * {@link org.atalaya.security.rest.Consults} (an operation without it is refused to everyone),
 * with the purpose and case reference of the request's {@code purpose} and
 * {@code caseReference} parameters; the operation reads the call with
 * {@link org.atalaya.security.rest.Consultation#current()}.</li>
 * <li>Audit: every call is written to the audit log, refusals at once, answers before they are
 * written; an answer whose record cannot be stored is replaced by a fault.</li>
 * </ul>
 * Faults (SOAP 1.1: the code itself; SOAP 1.2: {@code env:Sender} or {@code env:Receiver} with
 * it as subcode): {@code wsse:InvalidSecurity} (no or malformed header),
 * {@code wsse:FailedAuthentication}, {@code wsse:UnsupportedSecurityToken} (a digest), and in
 * {@code urn:atalaya:soap:v1}: {@code AccessDenied} (also when an operation throws
 * {@link org.atalaya.security.soap.AccessDenied}), {@code PurposeRequired},
 * {@code ServiceUnavailable}. The faults an operation declares keep their reason and are the
 * caller's ({@code Client}, {@code Sender}); any other fault says what went wrong without
 * internals.
 * <p>
 * Requests are read as UTF-8, whatever charset their Content-Type names: bytes that are not UTF-8
 * in its one form per character (overlong forms, a UTF-16 or UTF-32 request or byte order mark),
 * a NUL, or XML that does not parse to the end of its envelope are refused as the caller's
 * ({@code Client}, {@code Sender}) with the reason, before any operation runs.
 */
@Export
@Version("0.1.0")
package org.atalaya.security.soap;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
