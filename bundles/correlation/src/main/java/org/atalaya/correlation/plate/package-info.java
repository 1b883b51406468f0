/**
 * The hub's normal form of a licence plate, shared by every connector that receives plates
 * (cameras, registries, agencies), so that a plate is the same string wherever it is compared.
 */
@Export
@Version("0.1.0")
package org.atalaya.correlation.plate;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
