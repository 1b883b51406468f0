/**
 * Places on the map, in WGS 84.
 */
@Export
@Version("0.1.0")
package org.atalaya.api.geo;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
