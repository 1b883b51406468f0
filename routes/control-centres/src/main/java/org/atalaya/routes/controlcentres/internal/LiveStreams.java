package org.atalaya.routes.controlcentres.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.atalaya.api.alert.AgencyAlert;
import org.atalaya.api.audit.AuditLog;
import org.atalaya.security.rest.Consultation;

/**
 * An agency's alert streams: the signal that wakes them when alerts are stored, those that are
 * open and caught up, and the alerts whose disclosure to each was recorded as they were stored.
 *
 * <p>A stream records each batch it sends in the audit log before sending it. For a live alert
 * that was a second commit of the hub's database on its way to the control centre, after the
 * one that stored it. So the agency's alert route records the disclosure to each stream that is
 * caught up in the transaction that stores the alerts ({@link #recordDisclosures}), when the
 * audit log is not being appended to by another transaction at that moment (waiting for that
 * one's commit would cost what it saves); the stream then finds them recorded
 * ({@link Stream#recorded}) and sends them at once. A stream still catching up, one that opens
 * meanwhile, and every stream when the log was busy, record what they send themselves.
 *
 * <p>A disclosure recorded this way precedes the sending by the time the stream takes to read
 * and write the alerts; a stream that closes in that time leaves a record of alerts it did not
 * send, as one whose connection fails while it writes them does.
 */
final class LiveStreams {

    /** Alerts recorded for a stream and not yet sent, beyond which it records its own. */
    static final int MOST_RECORDED_AHEAD = 10_000;

    private final String action;
    private final AlertSignal signal = new AlertSignal();
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();

    LiveStreams(String agency) {
        this.action = "stream alerts of " + agency;
    }

    /** The audit log's action for this agency's streamed alerts. */
    String action() {
        return action;
    }

    /** What the streams wait on between reads of the database. */
    AlertSignal signal() {
        return signal;
    }

    Stream open(Consultation caller) {
        Stream stream = new Stream(caller);
        open.add(stream);
        return stream;
    }

    /**
     * In the transaction storing {@code stored}: appends, to the same transaction, the record of
     * their disclosure to each stream caught up now, and notes them recorded for it; nothing when
     * another transaction is appending to the audit log.
     *
     * @throws IllegalStateException when a record could not be appended: the alerts must not be stored
     */
    void recordDisclosures(List<AgencyAlert> stored, AuditLog log) {
        List<String> ids = null;
        for (Stream stream : open) {
            if (stream.live && stream.recorded.size() < MOST_RECORDED_AHEAD) {
                if (ids == null) {
                    ids = stored.stream().map(AgencyAlert::id).toList();
                }
                if (log.appendInTransaction(stream.caller.disclosure(action, ids)).isEmpty()) {
                    return; // the log is busy: each stream records these itself
                }
                stream.recorded.addAll(ids);
            }
        }
    }

    /** Forgets the alerts noted recorded, when the transaction that stored them failed. */
    void notStored(Collection<AgencyAlert> alerts) {
        List<String> ids = alerts.stream().map(AgencyAlert::id).toList();
        for (Stream stream : open) {
            ids.forEach(stream.recorded::remove);
        }
    }

    /** One open stream. */
    final class Stream implements AutoCloseable {

        private final Consultation caller;
        private final Set<String> recorded = ConcurrentHashMap.newKeySet();
        private volatile boolean live;

        private Stream(Consultation caller) {
            this.caller = caller;
        }

        /** Whether the stream has read every alert stored so far, so that those stored next are recorded for it. */
        void live(boolean caughtUp) {
            live = caughtUp;
        }

        /** Whether the disclosure of the alert to this stream is recorded already; it is then no longer noted. */
        boolean recorded(AgencyAlert alert) {
            return recorded.remove(alert.id());
        }

        @Override
        public void close() {
            open.remove(this);
        }
    }
}
