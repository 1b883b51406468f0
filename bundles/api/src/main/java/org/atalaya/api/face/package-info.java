/**
 * Face-recognition matches under the AI Act, art. 5(1)(h): a match reaches an agency only under a
 * judicial authorisation (or an urgent request for one, for at most 24 hours), is acted upon only
 * once people have verified it, and is purged with everything derived from it when the
 * authorisation is refused or the urgent request lapses.
 */
@Export
@Version("0.1.0")
package org.atalaya.api.face;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
