/**
 * The agencies' REST endpoints, secured: HTTP Basic authentication against the hub's JAAS
 * realm, role checks, and errors as problem details (RFC 9457). Connectors publish their
 * resources with {@link org.atalaya.security.rest.RestEndpoint}, which adds all of it.
 */
@Export
@Version("0.1.0")
package org.atalaya.security.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
