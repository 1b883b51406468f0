/**
 * The audit log as newline-delimited JSON: what the REST endpoint and the console export, and
 * what an auditor re-checks outside the hub with its public key.
 */
@Export
@Version("0.1.0")
package org.atalaya.audit.export;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
