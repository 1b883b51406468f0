package org.atalaya.routes.vehicleregistry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.headers.Header;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPConduitFactory;
import org.apache.cxf.transport.http.URLConnectionHTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.atalaya.registry.v1.Hit;
import org.atalaya.registry.v1.HotlistChanges;
import org.atalaya.registry.v1.HotlistPage;
import org.atalaya.registry.v1.NotFoundFault;
import org.atalaya.registry.v1.UsernameToken;
import org.atalaya.registry.v1.VehicleRecord;
import org.atalaya.registry.v1.VehicleRegistry;
import org.atalaya.registry.v1.VehicleRegistryService;

/**
 * The hub's side of the ministry's vehicle registry contract: a CXF JAX-WS client on a bus of its
 * own, with connection and receive timeouts, the hub's account as a WS-Security UsernameToken, and
 * a client certificate for mutual TLS when one is configured. Credentials come from the
 * configuration only. The port is shared by the sync, the lookups and the hit notices: CXF client
 * calls are thread-safe as long as nobody changes the request context, which is set once here.
 *
 * <p>Calls go over the JDK's {@code HttpURLConnection}, not CXF's default conduit on the JDK's
 * {@code HttpClient}: each call blocks one of the connector's threads anyway, and that conduit
 * adds a pipe and a hand-off to the client's own threads to every call, which at 50 lookups a
 * second took about 0.1 of the hub's cores (BENCHMARKS, sixteenth).
 */
final class MinistryClient implements AutoCloseable {

    private final Bus bus;
    private final VehicleRegistry port;
    private final String address;
    private final HTTPConduit conduit;

    private MinistryClient(Bus bus, VehicleRegistry port, String address, HTTPConduit conduit) {
        this.bus = bus;
        this.port = port;
        this.address = address;
        this.conduit = conduit;
    }

    /**
     * @param tls the client certificate and the trusted server certificates; {@code null} for plain
     *            HTTP or the JVM's default trust
     */
    static MinistryClient connect(String address, String user, String password, Tls tls, long connectTimeoutMillis,
            long receiveTimeoutMillis) throws GeneralSecurityException, IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // CXF finds its bus extensions, and JAXB its implementation, through the context class loader
        thread.setContextClassLoader(MinistryClient.class.getClassLoader());
        Bus bus = BusFactory.newInstance().createBus();
        try {
            bus.setExtension((HTTPConduitFactory) (transport, owner, endpoint, target)
                    -> new URLConnectionHTTPConduit(owner, endpoint, target), HTTPConduitFactory.class);
            JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
            factory.setBus(bus);
            factory.setServiceClass(VehicleRegistry.class);
            factory.setAddress(address);
            factory.setWsdlURL(VehicleRegistryService.WSDL_LOCATION.toExternalForm());
            factory.setServiceName(VehicleRegistryService.SERVICE);
            factory.setEndpointName(VehicleRegistryService.VehicleRegistryPort);
            VehicleRegistry port = (VehicleRegistry) factory.create();

            Client client = ClientProxy.getClient(port);
            // declared faults and refused connections are answers the hub handles: no stack traces
            client.getRequestContext().put(FaultListener.class.getName(),
                    (FaultListener) (fault, description, message) -> false);
            if (user != null && !user.isBlank()) {
                client.getRequestContext().put(Header.HEADER_LIST,
                        List.of(new Header(UsernameToken.SECURITY,
                                UsernameToken.header(user, password, UsernameToken.PASSWORD_TEXT))));
            }
            HTTPConduit conduit = (HTTPConduit) client.getConduit();
            HTTPClientPolicy policy = new HTTPClientPolicy();
            policy.setConnectionTimeout(connectTimeoutMillis);
            policy.setReceiveTimeout(receiveTimeoutMillis);
            policy.setAutoRedirect(false);
            conduit.setClient(policy);
            if (tls != null) {
                conduit.setTlsClientParameters(tls.parameters());
            }
            return new MinistryClient(bus, port, address, conduit);
        } catch (GeneralSecurityException | IOException | RuntimeException failed) {
            bus.shutdown(false);
            throw failed;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    String address() {
        return address;
    }

    /** What the calls go through. */
    HTTPConduit conduit() {
        return conduit;
    }

    HotlistPage snapshotPage(String pageToken, int pageSize) throws Exception {
        return port.getHotlistSnapshot(pageToken, pageSize);
    }

    HotlistChanges changes(long sinceVersion, int maxChanges) throws Exception {
        return port.getHotlistChanges(sinceVersion, maxChanges);
    }

    /** The vehicle's record; empty when the registry does not know the plate. */
    Optional<VehicleRecord> lookup(String plate, String country) throws Exception {
        try {
            return Optional.of(port.lookupVehicle(plate, country));
        } catch (NotFoundFault unknown) {
            return Optional.empty();
        }
    }

    /** @return the ministry's acknowledgement id */
    String notifyHit(String idempotencyKey, Hit hit) throws Exception {
        return port.notifyHit(idempotencyKey, hit);
    }

    @Override
    public void close() {
        try {
            ClientProxy.getClient(port).destroy();
        } finally {
            bus.shutdown(true);
        }
    }

    /**
     * Mutual TLS to the ministry: the hub's certificate and key, and the server certificates it
     * trusts, from PKCS12 files.
     *
     * @param keyStore   the hub's client certificate; {@code null} for none
     * @param trustStore what the ministry's server may present; {@code null} for the JVM's trust
     */
    record Tls(Path keyStore, char[] keyStorePassword, Path trustStore, char[] trustStorePassword) {

        TLSClientParameters parameters() throws GeneralSecurityException, IOException {
            TLSClientParameters parameters = new TLSClientParameters();
            parameters.setSecureSocketProtocol("TLS");
            parameters.setDisableCNCheck(false);
            if (keyStore != null) {
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(keyStore, keyStorePassword), keyStorePassword);
                parameters.setKeyManagers(keys.getKeyManagers());
            }
            if (trustStore != null) {
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(trustStore, trustStorePassword));
                parameters.setTrustManagers(trust.getTrustManagers());
            }
            return parameters;
        }

        private static KeyStore load(Path file, char[] password) throws GeneralSecurityException, IOException {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            }
            return store;
        }
    }
}
