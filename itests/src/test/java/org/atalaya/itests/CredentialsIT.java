package org.atalaya.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.inject.Inject;

import javax.net.ssl.SSLHandshakeException;

import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.common.SshException;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.audit.AuditQuery;
import org.atalaya.api.audit.AuditRecord;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.junit.Test;

/**
 * The guesses an intruder tries first, on every way into the hub: {@code karaf/karaf},
 * {@code admin/admin} and empty passwords on ssh, SOAP, MQTT and the broker's CORE and AMQP
 * acceptor, each refused, beside a real account that gets in (so that a refusal is the hub's,
 * not a broken client's); {@link AccessMatrixIT} tries them on every REST endpoint. And the
 * transport: HTTPS only, with client certificates an agency claims.
 */
public class CredentialsIT extends AtalayaTestSupport {

    @Inject
    private AuditLog audit;

    /** What an intruder tries first. */
    private static final List<String[]> GUESSES = List.of(
            new String[] {"karaf", "karaf"}, new String[] {"admin", "admin"}, new String[] {"admin", ""},
            new String[] {"karaf", ""}, new String[] {LOCAL_POLICE, ""});

    @Test
    public void sshRefusesTheGuessesAndAgencies() throws Exception {
        int port = Integer.parseInt(executeCommand("config:property-get --pid org.apache.karaf.shell sshPort").trim());
        assertTrue("the administrator logs in", sshLogin(port, "admin", ADMIN_PASSWORD));
        for (String[] guess : GUESSES) {
            assertFalse(guess[0] + "/" + guess[1], sshLogin(port, guess[0], guess[1]));
        }
        // The console is for administrators: an agency's valid account does not open it.
        assertFalse(sshLogin(port, LOCAL_POLICE, LOCAL_POLICE_PASSWORD));
    }

    @Test
    public void soapRefusesTheGuesses() throws Exception {
        for (String[] guess : GUESSES) {
            HttpResponse<String> response = Soap.checkPlate(guess[0], guess[1], "1234BCD", "investigation",
                    "DP-CE-2026-118");
            assertEquals(guess[0] + "/" + guess[1] + ": " + response.body(), 500, response.statusCode());
            assertTrue(response.body(), response.body().contains("FailedAuthentication")
                    || response.body().contains("InvalidSecurity"));
        }
        HttpResponse<String> allowed = Soap.checkPlate("interior-ministry", password("interior-ministry"),
                "1234BCD", "investigation", "DP-CE-2026-118");
        assertEquals(allowed.body(), 200, allowed.statusCode());
    }

    @Test
    public void mqttRefusesTheGuesses() throws Exception {
        for (String[] guess : GUESSES) {
            MqttException refused = assertThrows(MqttException.class,
                    () -> mqttClient(guess[0], guess[1]).disconnect());
            assertTrue(guess[0] + "/" + guess[1] + ": " + refused, refused instanceof MqttSecurityException);
        }
        MqttException wrong = assertThrows(MqttException.class,
                () -> mqttClient(CITY_SENSORS, "wrong-password").disconnect());
        assertTrue(wrong.toString(), wrong instanceof MqttSecurityException);
        mqttClient(CITY_SENSORS, password(CITY_SENSORS)).disconnect();
    }

    @Test
    public void theBrokersCoreProtocolRefusesTheGuesses() throws Exception {
        for (String[] guess : GUESSES) {
            assertThrows(guess[0] + "/" + guess[1], ActiveMQSecurityException.class,
                    () -> coreSession(guess[0], guess[1]));
        }
        coreSession("atalaya-hub", HUB_PASSWORD);
    }

    @Test
    public void theBrokersAmqpRefusesTheGuesses() throws Exception {
        for (String[] guess : GUESSES) {
            assertEquals(guess[0] + "/" + guess[1] + " (SASL outcome 1: authentication failed)", 1,
                    amqpSaslPlain(guess[0], guess[1]));
        }
        assertEquals("SASL outcome 0: ok", 0, amqpSaslPlain("atalaya-hub", HUB_PASSWORD));
    }

    @Test
    public void theEndpointsAreServedOverHttpsOnly() throws Exception {
        // Plain HTTP is off: nothing listens on its port.
        try (Socket socket = new Socket()) {
            assertThrows(ConnectException.class,
                    () -> socket.connect(new InetSocketAddress("127.0.0.1", port("http")), 2000));
        }
        // A client that does not trust the hub's certificate does not get through the handshake.
        HttpClient untrusting = HttpClient.newHttpClient();
        java.io.IOException handshake = assertThrows(java.io.IOException.class, () -> untrusting.send(
                Rest.request(URI.create(Rest.url("/alerts"))).build(), HttpResponse.BodyHandlers.ofString()));
        assertTrue(handshake.toString(), handshake instanceof SSLHandshakeException
                || handshake.getCause() instanceof SSLHandshakeException);
    }

    @Test
    public void aClientCertificateTheJusticeAgencyClaimsActsForIt() throws Exception {
        HttpClient gateway = HttpClient.newBuilder().sslContext(TestTls.asJusticeGateway()).build();
        String caseReference = uniqueId("JI-CE-2026");
        HttpResponse<String> authorisations = gateway.send(Rest.request(
                URI.create(Rest.url("/face/authorisations")))
                .header("X-Purpose", "judicial-authorisation").header("X-Case-Reference", caseReference).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(authorisations.body(), 200, authorisations.statusCode());
        // The same certificate gives only what the justice agency may have.
        HttpResponse<String> hotlist = gateway.send(Rest.request(URI.create(Rest.url("/hotlist")))
                .header("X-Purpose", "judicial-proceedings").header("X-Case-Reference", caseReference).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(hotlist.body(), 403, hotlist.statusCode());

        // Over SOAP too, without a UsernameToken: justice may read hits, but has no control centre.
        HttpResponse<String> alerts = Soap.call(gateway, null, null, "<c:FindAlerts xmlns:c=\"" + Soap.NAMESPACE
                + "\"><limit>5</limit><purpose>judicial-proceedings</purpose><caseReference>" + caseReference
                + "</caseReference></c:FindAlerts>");
        assertTrue(alerts.body(), alerts.statusCode() == 500 && alerts.body().contains("NoControlCentre"));

        List<AuditRecord> trail = audit.search(new AuditQuery(null, null, null, null, null, caseReference, null,
                null, null, 0, 10));
        assertEquals(List.of("allowed 200", "denied 403", "failed NoControlCentre"),
                trail.stream().map(record -> record.entry().outcome()).collect(Collectors.toList()));
        for (AuditRecord record : trail) {
            assertEquals("justice", record.entry().agency());
            assertEquals(TestTls.JUSTICE_GATEWAY_SUBJECT.replace(", ", ","), record.entry().person());
        }
    }

    /**
     * Whether the ssh server lets {@code user} in and opens a shell. The server restarts once
     * when it has created its host key on the first connection, so a refused connection is
     * tried again.
     */
    private static boolean sshLogin(int port, String user, String password) throws Exception {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        try {
            org.apache.sshd.client.session.ClientSession[] connected = new org.apache.sshd.client.session.ClientSession[1];
            awaitCondition("the ssh server accepts connections", () -> {
                try {
                    connected[0] = client.connect(user, "127.0.0.1", port).verify(10, TimeUnit.SECONDS).getSession();
                    return true;
                } catch (IOException refused) {
                    return false;
                }
            });
            try (org.apache.sshd.client.session.ClientSession session = connected[0]) {
                if (password.isEmpty()) {
                    // The client sends no empty password itself; keyboard-interactive answers one.
                    session.setUserInteraction(new UserInteraction() {
                        @Override
                        public String[] interactive(org.apache.sshd.client.session.ClientSession on, String name, String instruction, String language,
                                String[] prompts, boolean[] echo) {
                            return new String[] {""};
                        }

                        @Override
                        public String getUpdatedPassword(org.apache.sshd.client.session.ClientSession on, String prompt, String language) {
                            return null;
                        }
                    });
                } else {
                    session.addPasswordIdentity(password);
                }
                session.auth().verify(10, TimeUnit.SECONDS);
                // Authenticated; the shell opens only for the ssh role.
                try (ChannelShell shell = session.createShellChannel()) {
                    shell.open().verify(10, TimeUnit.SECONDS);
                    return shell.isOpen();
                }
            } catch (SshException refused) {
                return false;
            }
        } finally {
            client.stop();
        }
    }

    private static void coreSession(String user, String password) throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator("tcp://127.0.0.1:" + port("broker"))
                .setCallTimeout(10_000).setReconnectAttempts(0);
                ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession session = factory.createSession(user, password, false, true, true, false, 1)) {
            session.start();
        }
    }

    /**
     * An AMQP 1.0 SASL PLAIN exchange (the protocol header, the server's mechanisms, our init)
     * and the outcome code the broker answers: 0 ok, 1 authentication failed.
     */
    private static int amqpSaslPlain(String user, String password) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port("broker")), 5000);
            socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] saslHeader = {'A', 'M', 'Q', 'P', 3, 1, 0, 0};
            out.write(saslHeader);
            out.flush();
            byte[] answer = new byte[8];
            in.readFully(answer);
            assertEquals("the broker speaks AMQP SASL", new String(saslHeader, StandardCharsets.ISO_8859_1),
                    new String(answer, StandardCharsets.ISO_8859_1));
            readFrame(in, 0x40); // sasl-mechanisms

            ByteArrayOutputStream fields = new ByteArrayOutputStream();
            byte[] mechanism = "PLAIN".getBytes(StandardCharsets.US_ASCII);
            fields.write(0xa3); // sym8
            fields.write(mechanism.length);
            fields.write(mechanism);
            byte[] response = ("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8);
            fields.write(0xa0); // vbin8
            fields.write(response.length);
            fields.write(response);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream performative = new DataOutputStream(body);
            performative.write(new byte[] {0x00, 0x53, 0x41}); // described: sasl-init
            performative.write(0xd0); // list32
            performative.writeInt(4 + fields.size());
            performative.writeInt(2);
            performative.write(fields.toByteArray());
            DataOutputStream frame = new DataOutputStream(out);
            frame.writeInt(8 + body.size());
            frame.write(new byte[] {2, 1, 0, 0}); // doff 2, SASL frame, channel 0
            frame.write(body.toByteArray());
            frame.flush();

            byte[] outcome = readFrame(in, 0x44); // sasl-outcome
            int list = outcome[3] & 0xff;
            // list8: size and count in a byte each; list32: in four each. Then the code, a ubyte.
            int code = list == 0xc0 ? 6 : list == 0xd0 ? 12 : -1;
            assertTrue("a list with the code", code > 0 && (outcome[code] & 0xff) == 0x50);
            return outcome[code + 1] & 0xff;
        }
    }

    /** The body of the next SASL frame, which must carry the performative {@code code}. */
    private static byte[] readFrame(DataInputStream in, int code) throws IOException {
        int size = in.readInt();
        int dataOffset = in.readUnsignedByte() * 4;
        in.readUnsignedByte(); // type
        in.readUnsignedShort(); // channel
        in.skipNBytes(dataOffset - 8);
        byte[] body = new byte[size - dataOffset];
        in.readFully(body);
        assertEquals("performative", code, body[2] & 0xff);
        return body;
    }
}
