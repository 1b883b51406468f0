package org.atalaya.biometricguard.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.api.face.Authorisation;
import org.atalaya.api.face.AuthorisationRequest;
import org.atalaya.api.face.AuthorisationStatus;
import org.atalaya.api.face.BiometricGuard;
import org.atalaya.api.face.DeliveredMatch;
import org.atalaya.api.face.FaceMatch;
import org.atalaya.api.face.Intake;
import org.atalaya.api.face.MatchQuery;
import org.atalaya.api.face.Official;
import org.atalaya.runtime.Connector;
import org.atalaya.store.jdbc.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The biometric guard in the hub: the {@link BiometricGuard} service the agencies' endpoints and
 * the console use, and a connector whose route takes every match off {@code atalaya.in.face}.
 * Without the audit log or the database it is not there at all, and matches wait on the broker.
 * A configuration change restarts it with the new rules; what it stored stays.
 */
@Component(service = {BiometricGuard.class, Connector.class}, configurationPid = BiometricGuardComponent.PID)
@Designate(ocd = BiometricGuardConfiguration.class)
public class BiometricGuardComponent implements BiometricGuard, Connector {

    static final String PID = "org.atalaya.biometricguard";
    static final String SWEEP_THREAD = "atalaya-biometric-guard-sweep";

    private static final Logger LOG = LoggerFactory.getLogger(BiometricGuardComponent.class);

    @Reference
    Database database;

    @Reference
    AuditLog audit;

    private FaceMatchGuard guard;
    private int consumers;
    private ScheduledExecutorService sweeper;

    @Activate
    void activate(BiometricGuardConfiguration config) {
        if (config.consumers() < 1 || config.sweepSeconds() < 1) {
            throw new IllegalArgumentException("consumers and sweepSeconds must be at least 1");
        }
        GuardSettings settings = new GuardSettings(Duration.ofMinutes(config.holdWindowMinutes()),
                Duration.ofHours(config.urgentHours()), config.recipient(), config.judicialAuthority(),
                config.confirmationsRequired());
        guard = new FaceMatchGuard(database, audit, Clock.systemUTC(), settings);
        consumers = config.consumers();
        sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, SWEEP_THREAD);
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, 0, config.sweepSeconds(), TimeUnit.SECONDS);
        LOG.info("Biometric guard: matches to {} under authorisations of {}, held {} min without one, urgent"
                + " requests lapse after {} h, {} confirmations to act", settings.recipient(),
                settings.judicialAuthority(), settings.holdWindow().toMinutes(), settings.urgentLimit().toHours(),
                settings.confirmationsRequired());
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        sweeper.shutdownNow();
        if (!sweeper.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("The biometric guard's sweep is still running; it stops when the database answers");
        }
    }

    private void sweep() {
        try {
            guard.sweep();
        } catch (RuntimeException failure) {
            // a failed run must not end the schedule: the next one tries again
            LOG.warn("Biometric guard sweep failed; next attempt on schedule", failure);
        }
    }

    // --- Connector ------------------------------------------------------------------------

    @Override
    public String name() {
        return "biometric-guard";
    }

    @Override
    public RoutesBuilder routes() {
        return new FaceMatchRoutes(guard, consumers);
    }

    // --- BiometricGuard -------------------------------------------------------------------

    @Override
    public Intake accept(FaceMatch match) {
        return guard.accept(match);
    }

    @Override
    public Authorisation register(AuthorisationRequest request, Official justice) {
        return guard.register(request, justice);
    }

    @Override
    public Authorisation requestUrgent(AuthorisationRequest request, Official police) {
        return guard.requestUrgent(request, police);
    }

    @Override
    public Authorisation grant(String authorisationId, String courtOrder, Official justice) {
        return guard.grant(authorisationId, courtOrder, justice);
    }

    @Override
    public Authorisation refuse(String authorisationId, Official justice) {
        return guard.refuse(authorisationId, justice);
    }

    @Override
    public List<Authorisation> authorisations(String agency, AuthorisationStatus status) {
        return guard.authorisations(agency, status);
    }

    @Override
    public Optional<Authorisation> authorisation(String agency, String authorisationId) {
        return guard.authorisation(agency, authorisationId);
    }

    @Override
    public List<DeliveredMatch> matches(String agency, MatchQuery query) {
        return guard.matches(agency, query);
    }

    @Override
    public Optional<DeliveredMatch> match(String agency, String matchId) {
        return guard.match(agency, matchId);
    }

    @Override
    public DeliveredMatch confirm(String matchId, Official verifier) {
        return guard.confirm(matchId, verifier);
    }

    @Override
    public String recipient() {
        return guard.recipient();
    }

    @Override
    public String judicialAuthority() {
        return guard.judicialAuthority();
    }

    @Override
    public int confirmationsRequired() {
        return guard.confirmationsRequired();
    }
}
