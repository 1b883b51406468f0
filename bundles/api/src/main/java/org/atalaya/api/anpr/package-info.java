/**
 * Licence-plate recognition: what the cameras read, the stolen and wanted vehicle lists they
 * are checked against, and the hits that go to the police control centres.
 */
@Export
@Version("0.5.0")
package org.atalaya.api.anpr;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
