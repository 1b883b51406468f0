package org.atalaya.routes.controlcentres.internal;

import java.util.concurrent.TimeUnit;

/**
 * Wakes the alert streams when an agency receives an alert: streams wait on it between reads of
 * the database, instead of polling. Closing it ends every wait for good.
 */
final class AlertSignal {

    private long generation;
    private boolean closed;

    synchronized long generation() {
        return generation;
    }

    synchronized void signal() {
        generation++;
        notifyAll();
    }

    /**
     * Waits until a signal after {@code seen}, the timeout, or closing.
     *
     * @return whether the signal is still open
     */
    synchronized boolean awaitAfter(long seen, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!closed && generation == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return !closed;
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized boolean isClosed() {
        return closed;
    }
}
