/**
 * Who may do what with which data, and why: the data classes, the agencies as the policy knows
 * them, and the decision the policy takes on each call.
 */
@Export
@Version("0.1.0")
package org.atalaya.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
