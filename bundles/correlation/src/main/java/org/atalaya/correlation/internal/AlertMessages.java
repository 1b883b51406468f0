package org.atalaya.correlation.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.atalaya.api.anpr.HitAlert;
import org.atalaya.api.messaging.EventHeaders;

/** The message properties of an alert on {@code atalaya.alerts}, which agencies filter on. */
final class AlertMessages {

    private AlertMessages() {
    }

    static Map<String, Object> headers(OutgoingAlert alert, String agencies) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(EventHeaders.DUPLICATE_ID, alert.id());
        headers.put(EventHeaders.EVENT_ID, alert.id());
        headers.put(EventHeaders.ALERT_KIND, alert.kind().name());
        headers.put(EventHeaders.PRIORITY, alert.priority());
        headers.put(EventHeaders.AGENCIES, agencies);
        headers.put(EventHeaders.PLATE, alert.plate());
        headers.put(EventHeaders.CAMERA, alert.cameraId());
        if (alert.body() instanceof HitAlert hit) {
            headers.put(EventHeaders.HOTLIST_SOURCE, hit.entry().source());
        }
        return headers;
    }
}
