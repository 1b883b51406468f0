/**
 * Alerts as the agencies receive them: the kinds, the agencies, and each agency's record of
 * what it received and acknowledged.
 */
@Export
@Version("0.4.0")
package org.atalaya.api.alert;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
