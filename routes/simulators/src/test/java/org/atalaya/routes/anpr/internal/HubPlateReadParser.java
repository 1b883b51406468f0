package org.atalaya.routes.anpr.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.PlateRead;

/**
 * The ANPR connector's own parser, opened to the simulator's tests: it lives in the connector's
 * internal package, so the simulator's payloads are checked by the very code the hub runs.
 */
public final class HubPlateReadParser {

    private final PlateReadParser parser;

    public HubPlateReadParser(Clock clock, Map<String, Camera> cameras) {
        parser = new PlateReadParser(65_536, Duration.ofMinutes(5), Duration.ofDays(1), clock,
                id -> Optional.ofNullable(cameras.get(id)));
    }

    /** The reads in a payload published on {@code atalaya/anpr/<topicCamera>/reads}. */
    public List<PlateRead> parse(byte[] payload, String topicCamera) {
        return parser.parse(payload, topicCamera);
    }
}
