package org.atalaya.console.internal;

import java.util.Arrays;
import java.util.List;

import org.atalaya.api.alert.AgencyAlert;

/** How the console writes an agency's alerts. */
final class AlertText {

    private AlertText() {
    }

    /** The cells of an alert's row: sequence, raised at, kind, priority, plate, camera, acknowledged by. */
    static List<String> row(AgencyAlert alert) {
        String acknowledged = alert.acknowledgedAt() == null ? HotlistText.NONE
                : (alert.acknowledgedBy() == null ? "?" : alert.acknowledgedBy()) + " at "
                        + HotlistText.instant(alert.acknowledgedAt());
        return Arrays.asList(Long.toString(alert.sequence()), HotlistText.instant(alert.raisedAt()),
                alert.kind().name(), Integer.toString(alert.priority()), orNone(alert.plate()),
                orNone(alert.cameraId()), acknowledged);
    }

    private static String orNone(String value) {
        return value == null ? HotlistText.NONE : value;
    }
}
