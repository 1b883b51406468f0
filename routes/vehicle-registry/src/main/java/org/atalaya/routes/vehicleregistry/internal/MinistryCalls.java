package org.atalaya.routes.vehicleregistry.internal;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call to the ministry goes through here: retried with exponential backoff when it failed
 * for a passing reason, and refused at once, without touching the network, while the circuit
 * breaker is open because the ministry keeps failing. Timeouts are the client's
 * ({@link MinistryClient}): a call never waits longer than its receive timeout per attempt.
 */
final class MinistryCalls {

    private static final Logger LOG = LoggerFactory.getLogger(MinistryCalls.class);

    /** A call to the ministry. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws Exception;
    }

    private final CircuitBreaker breaker;
    private final Retry retry;

    MinistryCalls(String name, int attempts, Duration backoff, float failureRate, int window, Duration open) {
        breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRate)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(window)
                .minimumNumberOfCalls(window)
                .waitDurationInOpenState(open)
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(MinistryFailures::linkFailure)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> LOG.warn("Circuit breaker to the ministry: {}",
                event.getStateTransition()));
        retry = Retry.of(name, RetryConfig.custom()
                .maxAttempts(Math.max(1, attempts))
                .intervalFunction(IntervalFunction.ofExponentialBackoff(backoff, 2))
                .retryOnException(MinistryFailures::retryable)
                .failAfterMaxAttempts(false)
                .build());
    }

    static MinistryCalls of(VehicleRegistryConfiguration config) {
        return new MinistryCalls(config.source(), config.retryAttempts(),
                Duration.ofMillis(Math.max(1, config.retryBackoffMillis())), config.breakerFailureRate(),
                Math.max(1, config.breakerWindow()), Duration.ofSeconds(Math.max(1, config.breakerOpenSeconds())));
    }

    /**
     * Runs the call, with its retries.
     *
     * @throws CallNotPermittedException while the breaker is open
     * @throws Exception                 the last attempt's failure
     */
    <T> T call(Call<T> call) throws Exception {
        try {
            return Retry.decorateCheckedSupplier(retry, CircuitBreaker.decorateCheckedSupplier(breaker, call::run))
                    .get();
        } catch (Exception | Error failure) {
            throw failure;
        } catch (Throwable other) {
            throw new IllegalStateException(other);
        }
    }

    /** {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}. */
    String breakerState() {
        return breaker.getState().name();
    }
}
