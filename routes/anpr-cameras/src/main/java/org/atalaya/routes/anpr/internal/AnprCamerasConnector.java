package org.atalaya.routes.anpr.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.atalaya.api.anpr.CameraRegistry;
import org.atalaya.runtime.Connector;
import org.atalaya.runtime.DeviceTopic;
import org.atalaya.runtime.Settings;
import org.atalaya.security.rest.Endpoints;
import org.atalaya.security.rest.RestEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The ANPR cameras connector: reads over MQTT (its routes) and over REST (its endpoint), checked
 * against the camera registry and put on {@code atalaya.in.anpr}. Removing it stops both; reads
 * published over MQTT meanwhile wait on the broker.
 */
@Component(service = Connector.class, configurationPid = "org.atalaya.anprcameras")
@Designate(ocd = AnprCamerasConfiguration.class)
public class AnprCamerasConnector implements Connector {

    @Reference
    private CameraRegistry cameras;

    @Reference(target = "(camel.context.name=atalaya)")
    private CamelContext camel;

    @Reference
    private Endpoints endpoints;

    private AnprCamerasConfiguration config;
    private List<DeviceTopic> topics;
    private ProducerTemplate producer;
    private RestEndpoint endpoint;

    @Activate
    void activate(AnprCamerasConfiguration config) {
        // a bad filter fails activation, not route start
        this.topics = Settings.list(config.topics()).stream().map(DeviceTopic::new).toList();
        this.config = config;
        producer = camel.createProducerTemplate();
        endpoint = endpoints.publish(config.restAddress(), List.of(new ReadsResource(parser(), producer)), List.of());
    }

    @Deactivate
    void deactivate() throws Exception {
        endpoint.close();
        producer.close();
    }

    @Override
    public String name() {
        return "anpr-cameras";
    }

    @Override
    public RoutesBuilder routes() {
        return new CameraReadRoutes(topics, parser(), config.subscription(), config.consumers());
    }


    private PlateReadParser parser() {
        return new PlateReadParser(config.maxPayloadBytes(), Duration.ofSeconds(config.maxClockSkewSeconds()),
                Duration.ofHours(config.maxAgeHours()), Clock.systemUTC(), cameras::find);
    }
}
