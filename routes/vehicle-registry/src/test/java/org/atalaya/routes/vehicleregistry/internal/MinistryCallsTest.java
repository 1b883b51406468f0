package org.atalaya.routes.vehicleregistry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.xml.ws.WebServiceException;
import javax.xml.ws.soap.SOAPFaultException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.atalaya.registry.v1.InvalidRequestFault;
import org.atalaya.simulators.registry.RegistrySimulator;
import org.apache.cxf.transport.http.URLConnectionHTTPConduit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries, the breaker and the timeouts, against the simulated ministry over real SOAP. */
class MinistryCallsTest {

    private RegistrySimulator.Standalone ministry;
    private MinistryClient client;

    @BeforeEach
    void start() throws Exception {
        ministry = Ministry.start(100);
        client = Ministry.client(ministry);
    }

    @AfterEach
    void stop() {
        client.close();
        ministry.close();
    }

    @Test
    void callsGoOverTheJdksUrlConnectionWithoutThreadsOfTheirOwn() throws Exception {
        // exactly that conduit: CXF's conduit on the JDK's HttpClient is a subclass of it
        assertThat(client.conduit().getClass()).isEqualTo(URLConnectionHTTPConduit.class);
        assertThat(client.lookup("1234BCD", "ES")).isPresent();
    }

    @Test
    void aServiceUnavailableForAMomentIsRetriedWithBackoff() throws Exception {
        MinistryCalls calls = new MinistryCalls("test", 3, Duration.ofMillis(5), 50, 10, Duration.ofMinutes(1));
        ministry.failNext(2);

        assertThat(calls.call(() -> client.changes(1, 10)).getToVersion()).isEqualTo(1);
    }

    @Test
    void aRefusalOfTheRequestIsNotRetriedAndDoesNotOpenTheBreaker() {
        MinistryCalls calls = new MinistryCalls("test", 3, Duration.ofMillis(5), 50, 2, Duration.ofMinutes(1));
        AtomicInteger attempts = new AtomicInteger();

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> calls.call(() -> {
                attempts.incrementAndGet();
                return client.changes(999, 10);
            })).isInstanceOf(InvalidRequestFault.class);
        }

        assertThat(attempts).hasValue(4);
        assertThat(calls.breakerState()).isEqualTo("CLOSED");
    }

    @Test
    void aMinistryThatKeepsFailingOpensTheBreakerAndCallsAreRefusedWithoutTheNetwork() {
        MinistryCalls calls = new MinistryCalls("test", 1, Duration.ofMillis(5), 50, 2, Duration.ofMinutes(1));
        ministry.setDown(true);
        AtomicInteger attempts = new AtomicInteger();
        MinistryCalls.Call<Object> poll = () -> {
            attempts.incrementAndGet();
            return client.changes(1, 10);
        };

        assertThatThrownBy(() -> calls.call(poll)).isInstanceOf(WebServiceException.class);
        assertThatThrownBy(() -> calls.call(poll)).isInstanceOf(WebServiceException.class);
        assertThat(calls.breakerState()).isEqualTo("OPEN");
        assertThatThrownBy(() -> calls.call(poll)).isInstanceOf(CallNotPermittedException.class);

        assertThat(attempts).hasValue(2);
    }

    @Test
    void aBreakerLetsATrialCallThroughAfterItsOpenTimeAndClosesWhenItSucceeds() throws Exception {
        MinistryCalls calls = new MinistryCalls("test", 1, Duration.ofMillis(5), 50, 2, Duration.ofMillis(1));
        ministry.setDown(true);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> calls.call(() -> client.changes(1, 10)));
        }
        long opened = System.nanoTime();
        assertThat(calls.breakerState()).isEqualTo("OPEN");
        ministry.setDown(false);

        // the next call comes once the open time (1 ms) is over; made sooner, it would be refused
        while (System.nanoTime() - opened < Duration.ofMillis(2).toNanos()) {
            Thread.onSpinWait();
        }
        assertThat(calls.call(() -> client.changes(1, 10)).getToVersion()).isEqualTo(1);
        assertThat(calls.breakerState()).isEqualTo("CLOSED");
    }

    @Test
    void theHubsAccountRefusedIsNotRetriedButCountsAgainstTheLink() throws Exception {
        MinistryCalls calls = new MinistryCalls("test", 3, Duration.ofMillis(5), 50, 2, Duration.ofMinutes(1));
        AtomicInteger attempts = new AtomicInteger();
        try (MinistryClient wrong = Ministry.client(ministry, Ministry.USER, "not-the-password")) {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> calls.call(() -> {
                    attempts.incrementAndGet();
                    return wrong.changes(1, 10);
                })).isInstanceOf(SOAPFaultException.class)
                        .satisfies(failure -> assertThat(MinistryFailures.describe(failure))
                                .contains("FailedAuthentication"));
            }
        }

        assertThat(attempts).hasValue(2);
        assertThat(calls.breakerState()).isEqualTo("OPEN");
    }

    @Test
    void anAnswerLaterThanTheReceiveTimeoutIsATimeoutThatIsRetried() throws Exception {
        ministry.setLatency(Duration.ofMillis(1_500));
        MinistryCalls calls = new MinistryCalls("test", 2, Duration.ofMillis(5), 50, 10, Duration.ofMinutes(1));
        AtomicInteger attempts = new AtomicInteger();
        try (MinistryClient impatient = MinistryClient.connect(ministry.address().toString(), Ministry.USER,
                Ministry.PASSWORD, null, 1_000, 200)) {
            assertThatThrownBy(() -> calls.call(() -> {
                attempts.incrementAndGet();
                return impatient.changes(1, 10);
            })).isInstanceOf(WebServiceException.class);
        }

        assertThat(attempts).hasValue(2);
    }

    @Test
    void aPlateTheRegistryDoesNotKnowIsAnEmptyAnswer() throws Exception {
        assertThat(client.lookup("12345A6", "MA")).isEmpty();
        assertThat(client.lookup("1234BCD", "ES")).hasValueSatisfying(vehicle -> assertThat(vehicle.getMake()).isNotBlank());
    }
}
