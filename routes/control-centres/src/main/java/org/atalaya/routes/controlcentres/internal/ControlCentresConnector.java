package org.atalaya.routes.controlcentres.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.camel.RoutesBuilder;
import org.atalaya.api.alert.AlertRepository;
import org.atalaya.api.anpr.CameraRegistry;
import org.atalaya.api.anpr.Hotlist;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.runtime.Connector;
import org.atalaya.runtime.Settings;
import org.atalaya.security.rest.Consultation;
import org.atalaya.security.rest.Endpoints;
import org.atalaya.security.rest.RestEndpoint;
import org.atalaya.security.soap.SoapEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The police control centres' connector: each agency's durable alert queue into its record of
 * alerts (its routes), the REST endpoints under {@code /api/v1} (alerts and their stream,
 * hotlist, cameras, plate checks), and the SOAP consultation service under
 * {@code /api/soap/consultation} (plate checks and alerts, for the agencies that integrate over
 * SOAP).
 */
@Component(service = Connector.class, configurationPid = "org.atalaya.controlcentres")
@Designate(ocd = ControlCentresConfiguration.class)
public class ControlCentresConnector implements Connector {

    @Reference
    private AlertRepository alerts;

    @Reference
    private Hotlist hotlist;

    @Reference
    private CameraRegistry cameras;

    @Reference
    private Endpoints endpoints;

    @Reference
    private AuditLog audit;

    private List<String> agencies;
    private Map<String, LiveStreams> streams;
    private RestEndpoint endpoint;
    private SoapEndpoint soapEndpoint;

    @Activate
    void activate(ControlCentresConfiguration config) {
        agencies = Settings.list(config.agencies());
        streams = agencies.stream().collect(Collectors.toMap(Function.identity(), LiveStreams::new));
        Callers callers = new Callers(agencies);
        List<Object> resources = new ArrayList<>();
        resources.add(new AlertsResource(alerts, callers, streams, config.heartbeatSeconds()));
        resources.add(new HotlistResource(hotlist));
        resources.add(new CamerasResource(cameras));
        resources.add(new PlatesResource(hotlist));
        endpoint = endpoints.publish(config.restAddress(), resources, List.of());
        String soapAddress = config.soapAddress() == null ? "" : config.soapAddress().strip();
        if (!soapAddress.isEmpty()) {
            try {
                soapEndpoint = endpoints.publishSoap(soapAddress,
                        new ConsultationService(hotlist, alerts, callers, Consultation::current));
            } catch (RuntimeException failed) {
                endpoint.close();
                throw failed;
            }
        }
    }

    @Deactivate
    void deactivate() {
        streams.values().forEach(live -> live.signal().close());
        try {
            endpoint.close();
        } finally {
            if (soapEndpoint != null) {
                soapEndpoint.close();
            }
        }
    }

    @Override
    public String name() {
        return "control-centres";
    }

    @Override
    public RoutesBuilder routes() {
        return new AlertRoutes(agencies, alerts, streams, audit);
    }
}
