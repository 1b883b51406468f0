package org.atalaya.routes.face.internal;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.atalaya.api.face.FaceMatch;
import org.atalaya.api.messaging.EventHeaders;
import org.atalaya.runtime.CanonicalJson;

/**
 * A match as it goes on {@code atalaya.in.face}: canonical JSON, its id as duplicate id, and no
 * personal data in the headers (the camera only).
 */
final class CanonicalMatches {

    private CanonicalMatches() {
    }

    static String body(FaceMatch match) throws JsonProcessingException {
        return CanonicalJson.mapper().writeValueAsString(match);
    }

    static Map<String, Object> headers(FaceMatch match) {
        return Map.of(EventHeaders.DUPLICATE_ID, match.id(), EventHeaders.EVENT_ID, match.id(),
                EventHeaders.CAMERA, match.cameraId());
    }
}
