/**
 * The names every bundle shares on the broker: addresses and message properties.
 */
@Export
@Version("0.4.0")
package org.atalaya.api.messaging;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
