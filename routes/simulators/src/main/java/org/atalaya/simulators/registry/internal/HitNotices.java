package org.atalaya.simulators.registry.internal;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The hit notices the ministry received, by the caller's idempotency key: a key seen again is
 * acknowledged with its first acknowledgement and not counted again.
 */
final class HitNotices {

    /** A key reused for another hit. */
    static final class KeyReused extends Exception {
        private static final long serialVersionUID = 1L;

        KeyReused() {
            super("The idempotency key was sent before with a different hit.", null, false, false);
        }
    }

    private record Notice(String acknowledgementId, String hit) {
    }

    private final ConcurrentHashMap<String, Notice> byKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> byPlate = new ConcurrentHashMap<>();

    /**
     * The acknowledgement of the notice {@code key}.
     *
     * @param hit everything the notice says of the hit, to tell a retry from a reused key
     */
    String acknowledge(String key, String plate, String hit) throws KeyReused {
        Notice fresh = new Notice("ACK-" + UUID.randomUUID(), hit);
        Notice first = byKey.putIfAbsent(key, fresh);
        if (first == null) {
            byPlate.computeIfAbsent(plate, unused -> new LongAdder()).increment();
            return fresh.acknowledgementId();
        }
        if (!first.hit().equals(hit)) {
            throw new KeyReused();
        }
        return first.acknowledgementId();
    }

    long count() {
        return byKey.size();
    }

    long count(String plate) {
        LongAdder count = byPlate.get(plate);
        return count == null ? 0 : count.sum();
    }
}
