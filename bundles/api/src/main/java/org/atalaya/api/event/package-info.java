/**
 * The canonical events that connectors put on the hub's inbound addresses. Records only: what a
 * device or an agency said, in Atalaya's own words, validated at the edge.
 */
@Export
@Version("0.1.0")
package org.atalaya.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
