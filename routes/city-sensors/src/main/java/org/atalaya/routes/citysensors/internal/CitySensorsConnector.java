package org.atalaya.routes.citysensors.internal;

import java.time.Clock;
import java.time.Duration;

import org.apache.camel.RoutesBuilder;
import org.atalaya.runtime.Connector;
import org.atalaya.runtime.DeviceTopic;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The city sensors connector. A configuration change re-registers it, so the runtime swaps its
 * routes for new ones without touching any other connector.
 */
@Component(service = Connector.class, configurationPid = "org.atalaya.citysensors")
@Designate(ocd = CitySensorsConfiguration.class)
public class CitySensorsConnector implements Connector {

    private CitySensorsConfiguration config;

    @Activate
    void activate(CitySensorsConfiguration config) {
        new DeviceTopic(config.topic()); // fail activation, not route start, on a bad filter
        this.config = config;
    }

    @Override
    public String name() {
        return "city-sensors";
    }

    @Override
    public RoutesBuilder routes() {
        SensorReadingParser parser = new SensorReadingParser(config.maxPayloadBytes(),
                Duration.ofSeconds(config.maxClockSkewSeconds()), Duration.ofHours(config.maxAgeHours()),
                Clock.systemUTC());
        return new SensorReadingRoutes(new DeviceTopic(config.topic()), parser, config.subscription(),
                config.consumers());
    }
}
