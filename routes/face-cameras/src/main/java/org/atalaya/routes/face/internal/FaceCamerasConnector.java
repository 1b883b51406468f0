package org.atalaya.routes.face.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.atalaya.api.face.BiometricGuard;
import org.atalaya.runtime.Connector;
import org.atalaya.runtime.DeviceTopic;
import org.atalaya.runtime.Settings;
import org.atalaya.security.rest.Consultation;
import org.atalaya.security.rest.Endpoints;
import org.atalaya.security.rest.RestEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The face cameras connector: matches over MQTT (its route) and over REST into
 * {@code atalaya.in.face}, where only the biometric guard consumes them; and the agencies'
 * endpoints for the matches the guard delivered and for the authorisations, behind the hub's
 * gate. Removing it stops all of it; matches published over MQTT meanwhile wait on the broker.
 */
@Component(service = Connector.class, configurationPid = "org.atalaya.facecameras")
@Designate(ocd = FaceCamerasConfiguration.class)
public class FaceCamerasConnector implements Connector {

    @Reference
    private BiometricGuard guard;

    @Reference
    private Endpoints endpoints;

    @Reference(target = "(camel.context.name=atalaya)")
    private CamelContext camel;

    private FaceCamerasConfiguration config;
    private DeviceTopic topic;
    private ProducerTemplate producer;
    private RestEndpoint endpoint;

    @Activate
    void activate(FaceCamerasConfiguration config) {
        // a bad filter or limit fails activation, not route start
        this.topic = new DeviceTopic(config.topic());
        if (config.consumers() < 1 || config.maxAgeMinutes() < 1 || config.maxPayloadBytes() < 1) {
            throw new IllegalArgumentException("consumers, maxAgeMinutes and maxPayloadBytes must be at least 1");
        }
        this.config = config;
        producer = camel.createProducerTemplate();
        endpoint = endpoints.publish(config.restAddress(),
                List.of(new FaceMatchesResource(parser(), producer, guard,
                        Set.copyOf(Settings.list(config.cameraAgencies())), Consultation::current),
                        new AuthorisationsResource(guard, Consultation::current)),
                List.of());
    }

    @Deactivate
    void deactivate() throws Exception {
        endpoint.close();
        producer.close();
    }

    @Override
    public String name() {
        return "face-cameras";
    }

    @Override
    public RoutesBuilder routes() {
        return new FaceMatchIngestRoutes(topic, parser(), config.subscription(), config.consumers());
    }

    private FaceMatchParser parser() {
        return new FaceMatchParser(config.maxPayloadBytes(), Duration.ofSeconds(config.maxClockSkewSeconds()),
                Duration.ofMinutes(config.maxAgeMinutes()), Clock.systemUTC());
    }
}
