package org.atalaya.routes.anpr.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.activemq.artemis.core.server.ActiveMQServer;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ANPR cameras connector: reads over MQTT (its routes, from the topics' subscriptions, or,
 * with {@code divert}, a divert on the embedded broker for each topic) and over REST (its
 * endpoint), checked against the camera registry and put on {@code atalaya.in.anpr}. Removing it stops both; reads
 * published over MQTT meanwhile wait on the broker.
 */
@Component(service = Connector.class, configurationPid = "org.atalaya.anprcameras")
@Designate(ocd = AnprCamerasConfiguration.class)
public class AnprCamerasConnector implements Connector {

    private static final Logger LOG = LoggerFactory.getLogger(AnprCamerasConnector.class);

    @Reference
    private CameraRegistry cameras;

    @Reference(target = "(camel.context.name=atalaya)")
    private CamelContext camel;

    @Reference
    private Endpoints endpoints;

    /** The hub's embedded broker, where the MQTT reads are made canonical as they are routed. */
    @Reference
    private ActiveMQServer broker;

    private AnprCamerasConfiguration config;
    private List<DeviceTopic> topics;
    private ProducerTemplate producer;
    private RestEndpoint endpoint;
    private final List<CameraReadDivert> diverts = new ArrayList<>();

    @Activate
    void activate(AnprCamerasConfiguration config) throws Exception {
        // a bad filter fails activation, not route start
        this.topics = Settings.list(config.topics()).stream().map(DeviceTopic::new).toList();
        this.config = config;
        producer = camel.createProducerTemplate();
        endpoint = endpoints.publish(config.restAddress(), List.of(new ReadsResource(parser(), producer)), List.of());
        try {
            for (int i = 0; config.divert() && i < topics.size(); i++) {
                diverts.add(CameraReadDivert.deploy(broker, subscription(i) + "-canonical", topics.get(i), parser(),
                        CameraReadRoutes.ROUTE_PREFIX + (i + 1)));
            }
        } catch (Exception failed) {
            deactivate();
            throw failed;
        }
    }

    @Deactivate
    void deactivate() throws Exception {
        for (CameraReadDivert divert : diverts) {
            try {
                divert.close();
            } catch (Exception failed) {
                // the broker drops it at its next start (config-delete-diverts FORCE)
                LOG.warn("Could not remove the divert of {}: {}", divert, failed.toString());
            }
        }
        diverts.clear();
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

    /** The durable subscription of the {@code i}th topic (0 for the first). */
    private String subscription(int i) {
        return CameraReadRoutes.subscription(config.subscription(), i);
    }


    private PlateReadParser parser() {
        return new PlateReadParser(config.maxPayloadBytes(), Duration.ofSeconds(config.maxClockSkewSeconds()),
                Duration.ofHours(config.maxAgeHours()), Clock.systemUTC(), cameras::find);
    }
}
