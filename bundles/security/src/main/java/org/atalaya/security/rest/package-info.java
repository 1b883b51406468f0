/**
 * The agencies' endpoints, secured: authentication against the hub's JAAS realm or by client
 * certificate, the access policy on each method's {@link org.atalaya.security.rest.Consults},
 * the audit record of each call, REST errors as problem details (RFC 9457), and JSON request
 * bodies checked at the edge ({@link org.atalaya.security.rest.JsonBody}). Connectors
 * publish through {@link org.atalaya.security.rest.Endpoints}, which adds all of it, to REST
 * resources and SOAP services alike.
 */
@Export
@Version("0.5.0")
package org.atalaya.security.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
