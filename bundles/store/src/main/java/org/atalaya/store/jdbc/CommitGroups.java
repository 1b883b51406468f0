package org.atalaya.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Short transactions that share their commit with the others waiting for one (group commit).
 *
 * <p>A commit is what a write costs: H2 writes a chunk of every page the transaction changed,
 * PostgreSQL flushes its log. The hub's hot writes are many and small (the archive's reads, the
 * audit log's records) and come from several threads at once.
 * A work is queued and its thread tries the group's lock; whichever thread holds the lock takes
 * every work queued (up to a limit), runs them one after the other in one transaction, commits
 * once, and hands each waiting thread its result. If a work fails, the transaction is rolled
 * back and the group runs again, each work after a savepoint of its own: the one that fails is
 * rolled back to its savepoint and its thread gets the failure, the others are committed all the
 * same. (A savepoint for every work is a round trip for every work on PostgreSQL, under the lock;
 * works almost never fail, so a group pays for them only when one does. A work must therefore
 * leave nothing behind but its transaction's writes: it may run twice.) None returns before the
 * commit holding its work, and a work that comes alone is committed alone, at once. Urgent works
 * are grouped ahead of routine ones ({@link WaitingWorks}).
 *
 * <p>A thread that finds the lock held waits for its own work's result, not for the lock: it is
 * woken when the group holding its work commits, and returns at once. Waiting for the lock, it
 * would get it only after every thread queued on the lock before it, one wake-up after the
 * other, and after any group a newly come thread started in between, its own work long
 * committed. So that a queued work is not left waiting, the thread releasing the lock wakes the
 * thread of a work still queued, which takes the lock in turn, or finds it held by a thread that
 * will do the same.
 */
final class CommitGroups {

    private static final Logger LOG = LoggerFactory.getLogger(CommitGroups.class);

    private final Database database;
    private final int limit;
    private final WaitingWorks<Queued<?>> waiting = new WaitingWorks<>();
    /** Held by the thread running a group; released, it wakes a thread whose work is queued. */
    private final ReentrantLock committing = new ReentrantLock() {
        private static final long serialVersionUID = 1L;

        @Override
        public void unlock() {
            super.unlock();
            Queued<?> next = waiting.peek();
            if (next != null) {
                LockSupport.unpark(next.thread);
            }
        }
    };
    private final AtomicLong commits = new AtomicLong();

    CommitGroups(Database database, int limit) {
        this.database = database;
        this.limit = limit;
    }

    <T> T run(String what, Database.Urgency urgency, Database.Work<T> work) {
        Queued<T> mine = new Queued<>(what, work);
        waiting.add(mine, urgency);
        boolean interrupted = false;
        // done already when the thread that held the lock committed this work with its own
        while (!mine.result.isDone()) {
            if (committing.tryLock()) {
                try {
                    while (!mine.result.isDone()) {
                        commit(waiting.next(limit));
                    }
                } finally {
                    committing.unlock();
                }
            } else {
                // until the work is done or the lock released; a stray wake-up only loops
                LockSupport.park(this);
                // a commit is not given up half-way: the interrupt is kept for the caller
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            return mine.result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException failed) {
                throw new StoreException("Could not " + what, failed);
            }
            throw (RuntimeException) e.getCause();
        }
    }

    /** The commits that ended a group. */
    long commits() {
        return commits.get();
    }

    /**
     * The lock a group commits under: held, it keeps works queued (tests make groups with it);
     * released, it wakes the thread of a queued work to commit it.
     */
    ReentrantLock lock() {
        return committing;
    }

    /** The works queued and not yet taken into a group. */
    int queued() {
        return waiting.size();
    }

    /**
     * Runs the group in one {@linkplain Database#transaction transaction} ({@link #ran}), again
     * with a savepoint for each work if one failed, and completes each work with its result or
     * failure. Under the lock.
     */
    private void commit(List<Queued<?>> group) {
        try {
            // without a savepoint for each work first: works almost never fail
            if (!ran(group, false)) {
                ran(group, true);
            }
        } finally {
            // after an Error: a work taken from the queue must not be waited for forever (the
            // exception only for those: building one fills in a stack trace, for every work of every group)
            for (Queued<?> work : group) {
                if (!work.result.isDone()) {
                    work.fail(new IllegalStateException("the transaction running it failed"));
                }
            }
        }
    }

    /**
     * Runs the group in one transaction, each work after a savepoint of its own if {@code
     * savepoints}, and gives each work its result or its failure: true. False, with nothing given
     * and the transaction rolled back, when a work of a group of several failed without a
     * savepoint: the group must run again, with them.
     */
    private boolean ran(List<Queued<?>> group, boolean savepoints) {
        boolean alone = group.size() == 1;
        List<Queued<?>> ran = new ArrayList<>(group.size());
        // a work alone fails as its own transaction would, with its own words
        String what = alone ? group.get(0).what : "commit a group of " + group.size() + " transactions";
        try {
            database.transaction(what, connection -> {
                for (Queued<?> work : group) {
                    if (work.runIn(connection, savepoints && !alone)) {
                        ran.add(work);
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (!savepoints && !alone) {
                LOG.debug("A group of {} transactions was rolled back ({}); it runs again, each work after a"
                        + " savepoint", group.size(), e.toString());
                return false;
            }
            // the connection, the commit or a work alone failed: none of the group's works is stored
            LOG.debug("A group of {} transactions was not committed: {}", group.size(), e.toString());
            group.forEach(work -> work.fail(e));
            return true;
        }
        commits.incrementAndGet();
        ran.forEach(Queued::complete);
        return true;
    }

    /** A work waiting for its group, then its result. */
    private static final class Queued<T> {

        final String what;
        final Database.Work<T> work;
        /** The thread waiting for the result: woken when it is there, or to take the lock. */
        final Thread thread = Thread.currentThread();
        final CompletableFuture<T> result = new CompletableFuture<>();
        private T value;

        Queued(String what, Database.Work<T> work) {
            this.what = what;
            this.work = work;
        }

        /**
         * Runs the work, after a savepoint when others share the transaction; true when it ran, false
         * when it failed and was rolled back (its failure is its result then).
         */
        boolean runIn(Connection connection, boolean shared) throws SQLException {
            Savepoint before = shared ? connection.setSavepoint() : null;
            try {
                value = work.run(connection);
                return true;
            } catch (SQLException | RuntimeException e) {
                if (before == null) {
                    throw e;
                }
                connection.rollback(before);
                LOG.debug("Could not {} in a group of transactions: {}", what, e.toString());
                fail(e);
                return false;
            }
        }

        void complete() {
            result.complete(value);
            LockSupport.unpark(thread);
        }

        void fail(Throwable failure) {
            result.completeExceptionally(failure);
            LockSupport.unpark(thread);
        }
    }
}
