package org.atalaya.simulators.registry.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import javax.xml.namespace.QName;
import javax.xml.ws.BindingProvider;

import org.apache.cxf.headers.Header;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.atalaya.registry.v1.UsernameToken;
import org.atalaya.registry.v1.VehicleRegistry;
import org.atalaya.registry.v1.VehicleRegistryService;

/**
 * The hub's side of the contract as a test needs it: the JAX-WS port of the generated service
 * (CXF underneath), pointed at the simulator, sending a WS-Security UsernameToken.
 */
final class RegistryClient {

    static final String WSSE = UsernameTokenCheck.WSSE;
    static final String PASSWORD_TEXT = UsernameTokenCheck.PASSWORD_TEXT;
    static final String PASSWORD_DIGEST =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";

    private RegistryClient() {
    }

    static VehicleRegistry as(URI address, String user, String password) {
        return as(address, user, password, PASSWORD_TEXT);
    }

    /** A port that sends this UsernameToken; without a user, no Security header at all. */
    static VehicleRegistry as(URI address, String user, String password, String passwordType) {
        VehicleRegistry port = new VehicleRegistryService().getVehicleRegistryPort();
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address.toString());
        context.put(Message.CONNECTION_TIMEOUT, 5_000);
        context.put(Message.RECEIVE_TIMEOUT, 30_000);
        // the tests expect their faults and refused connections: no stack traces for them
        context.put(FaultListener.class.getName(), (FaultListener) (fault, description, message) -> false);
        if (user != null) {
            context.put(Header.HEADER_LIST, List.of(new Header(new QName(WSSE, "Security"),
                    UsernameToken.header(user, password, passwordType))));
        }
        return port;
    }
}
