package org.atalaya.api.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * A condition of the hub that the control centres must know about: raised once when it begins,
 * and once more, cleared, when it ends.
 *
 * @param id        the alert's id
 * @param condition what it is about, stable for tools to filter on ({@code hotlist-stale})
 * @param subject   what it concerns ({@code interior-ministry})
 * @param active    true when the condition begins, false when it is over
 * @param priority  0 to 100
 * @param message   what operators read
 * @param since     when the condition began
 * @param raisedAt  when the hub raised this alert
 */
public record SystemAlert(String id, String condition, String subject, boolean active, int priority,
        String message, Instant since, Instant raisedAt) {

    public SystemAlert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(raisedAt, "raisedAt");
        if (priority < 0 || priority > 100) {
            throw new IllegalArgumentException("priority must be 0 to 100: " + priority);
        }
    }
}
