/**
 * What a route bundle offers the hub: {@link org.atalaya.runtime.Connector} services whose routes
 * the runtime adds to the hub's CamelContext, and removes again when the bundle goes.
 */
@Export
@Version("0.5.0")
package org.atalaya.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
