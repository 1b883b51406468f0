/**
 * The consultation and disclosure log: append-only, each record chained to the one before by
 * SHA-256 and the chain sealed with the hub's signing key, so that an altered, removed or
 * reordered record is found and located.
 */
@Export
@Version("0.3.0")
package org.atalaya.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
