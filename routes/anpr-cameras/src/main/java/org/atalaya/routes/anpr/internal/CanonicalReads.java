package org.atalaya.routes.anpr.internal;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.messaging.EventHeaders;
import org.atalaya.runtime.CanonicalJson;

/** A read as it goes on {@code atalaya.in.anpr}: canonical JSON, its id as duplicate id. */
final class CanonicalReads {

    private CanonicalReads() {
    }

    static String body(PlateRead read) throws JsonProcessingException {
        return CanonicalJson.mapper().writeValueAsString(read);
    }

    static Map<String, Object> headers(PlateRead read) {
        return Map.of(EventHeaders.DUPLICATE_ID, read.id(), EventHeaders.EVENT_ID, read.id(),
                EventHeaders.PLATE, read.plate(), EventHeaders.CAMERA, read.cameraId());
    }
}
