/**
 * The Interior Ministry simulator as tests and the demo steer it: its hotlist, its change feed,
 * the hit notices it received, and the faults it is to show.
 */
@Export
@Version("1.0.0")
package org.atalaya.simulators.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
