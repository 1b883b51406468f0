package org.atalaya.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The works waiting for a commit group, and which of them the next group takes.
 *
 * <p>Urgent works (what a live alert waits for on its way to an agency: the audit record of its
 * disclosure) make groups of their own, ahead of the routine ones (the archive's
 * reads, the audit records of calls): an urgent work waits for the group committing when it
 * came, then for its own, not for every routine work queued before it. So that routine works
 * are not held back for good when urgent ones keep coming, a group of routine works is taken
 * after {@value #URGENT_IN_A_ROW} urgent groups in a row.
 *
 * <p>Works are added from any thread; the groups are taken by one thread at a time (under the
 * lock groups commit under).
 *
 * @param <W> a waiting work
 */
final class WaitingWorks<W> {

    /** Urgent groups taken one after the other while routine works wait, at most. */
    static final int URGENT_IN_A_ROW = 4;

    private final Queue<W> urgent = new ConcurrentLinkedQueue<>();
    private final Queue<W> routine = new ConcurrentLinkedQueue<>();
    /** Urgent groups taken since the last routine one. Under the lock. */
    private int urgentInARow;

    void add(W work, Database.Urgency urgency) {
        (urgency == Database.Urgency.URGENT ? urgent : routine).add(work);
    }

    /** The next group, oldest first, up to {@code limit} works; empty when none waits. */
    List<W> next(int limit) {
        boolean urgentFirst = !urgent.isEmpty() && (urgentInARow < URGENT_IN_A_ROW || routine.isEmpty());
        List<W> group = take(urgentFirst ? urgent : routine, limit);
        urgentInARow = urgentFirst ? urgentInARow + 1 : 0;
        return group;
    }

    /** A work waiting, the urgent ones first; null when none does. */
    W peek() {
        W first = urgent.peek();
        return first != null ? first : routine.peek();
    }

    int size() {
        return urgent.size() + routine.size();
    }

    private static <W> List<W> take(Queue<W> queue, int limit) {
        List<W> group = new ArrayList<>();
        W next;
        while (group.size() < limit && (next = queue.poll()) != null) {
            group.add(next);
        }
        return group;
    }
}
