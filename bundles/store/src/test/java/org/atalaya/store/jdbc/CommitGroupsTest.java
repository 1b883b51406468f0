package org.atalaya.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Grouped transactions: works queued while a group commits share the next commit, each gets its
 * own result, and one that fails is rolled back alone. Groups are made, not hoped for: the test
 * holds the lock a group commits under until every caller has queued its work.
 */
class CommitGroupsTest extends DatabaseTestSupport {

    @Test
    void aWorkThatComesAloneIsCommittedAloneAtOnce() {
        for (int n = 1; n <= 3; n++) {
            assertThat(database.groupedTransaction("add camera site c" + n, add("c" + n))).isEqualTo("c" + n);
            assertThat(groupCommits()).isEqualTo(n);
            assertThat(cameras()).hasSize(n);
        }
    }

    @Test
    void worksQueuedWhileAGroupCommitsShareOneCommitAndEachGetsItsOwnResult() throws Exception {
        List<Future<String>> added = whileGroupHeld(adding(1, 10), 10);

        for (int n = 1; n <= 10; n++) {
            assertThat(added.get(n - 1).get(60, TimeUnit.SECONDS)).isEqualTo("c" + n);
        }
        assertThat(groupCommits()).isEqualTo(1);
        assertThat(cameras()).hasSize(10);
    }

    @Test
    void aCallerWhoseWorkAnotherGroupCommittedReturnsWithoutWaitingForTheLock() throws Exception {
        Lock lock = database.groupLock();
        lock.lock();
        try {
            List<Future<String>> added = queued(adding(1, 2), 2);

            // this thread holds the lock and commits a group: the two queued works go with its own
            assertThat(database.groupedTransaction("add camera site c3", add("c3"))).isEqualTo("c3");

            // their callers return while the lock is still held: they waited for their works, not for it
            assertThat(added.get(0).get(30, TimeUnit.SECONDS)).isEqualTo("c1");
            assertThat(added.get(1).get(30, TimeUnit.SECONDS)).isEqualTo("c2");
        } finally {
            lock.unlock();
        }
        assertThat(groupCommits()).isEqualTo(1);
        assertThat(cameras()).hasSize(3);
    }

    @Test
    void whatTheWorksOfAGroupShareIsWrittenOnceBeforeTheCommitAndAFailedWorkSharesNothing() throws Exception {
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        List<Callable<String>> works = new ArrayList<>();
        for (String site : new String[] {"c1", "c2", "c1", "c3"}) {
            // the second c1 fails on its insert, before it shares
            works.add(() -> database.groupedTransaction("add camera site " + site, connection -> {
                String added = add(site).run(connection);
                Sites sites = database.shared(connection, Sites.class);
                if (sites == null) {
                    sites = new Sites(written);
                    database.share(connection, sites);
                }
                sites.added.add(added);
                return added;
            }));
        }

        List<Future<String>> added = whileGroupHeld(works, 4);

        assertThatThrownBy(() -> added.get(2).get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(added.get(3).get(60, TimeUnit.SECONDS)).isEqualTo("c3");
        assertThat(written).containsExactly("c1 c2 c3");
        assertThatThrownBy(() -> database.run("share outside a transaction", connection -> {
            database.share(connection, new Sites(written));
            return null;
        })).isInstanceOf(IllegalStateException.class);
    }

    /** The sites a group's works added, written down once before the group's commit. */
    private static final class Sites implements Database.Shared {

        final List<String> added = new ArrayList<>();
        private final List<String> written;

        Sites(List<String> written) {
            this.written = written;
        }

        @Override
        public void beforeCommit(Connection connection) {
            written.add(String.join(" ", added));
        }
    }

    @Test
    void moreWorksQueuedThanAGroupHoldsAreCommittedInSeveralGroups() throws Exception {
        int works = Database.GROUP_LIMIT * 2 + 1;
        List<Future<String>> added = whileGroupHeld(adding(1, works), works);

        for (Future<String> each : added) {
            each.get(60, TimeUnit.SECONDS);
        }
        assertThat(groupCommits()).isEqualTo(3);
        assertThat(cameras()).hasSize(works);
    }

    @Test
    void aWorkThatFailsIsRolledBackAloneAndItsCallerGetsItsFailureTheOthersAreCommitted() throws Exception {
        List<Callable<String>> works = new ArrayList<>(adding(1, 3));
        // adds c4, then c1 again: the second insert fails, and c4 must go with it
        works.add(() -> database.groupedTransaction("add camera sites c4 and c1", connection -> {
            add("c4").run(connection);
            return add("c1").run(connection);
        }));
        works.add(() -> database.groupedTransaction("fail", connection -> {
            throw new IllegalArgumentException("not a camera site");
        }));
        works.addAll(adding(5, 6));

        List<Future<String>> added = whileGroupHeld(works, works.size());

        assertThatThrownBy(() -> added.get(3).get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(StoreException.class).hasMessageStartingWith("Could not add camera sites c4 and c1: ");
        assertThatThrownBy(() -> added.get(4).get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessage("not a camera site");
        for (int i : new int[] {0, 1, 2, 5, 6}) {
            added.get(i).get(60, TimeUnit.SECONDS);
        }
        assertThat(groupCommits()).isEqualTo(1);
        assertThat(cameras()).containsExactly("c1", "c2", "c3", "c5", "c6");
    }

    @Test
    void anErrorInAWorkLeavesNoCallerOfItsGroupWaitingAndNothingOfTheGroupStored() throws Exception {
        List<Callable<String>> works = new ArrayList<>(adding(1, 1));
        works.add(() -> database.groupedTransaction("break", connection -> {
            throw new AssertionError("broken");
        }));
        works.addAll(adding(3, 3));

        List<Future<String>> done = whileGroupHeld(works, works.size());

        // the thread that ran the group gets the Error; the others, that the transaction failed
        for (Future<String> each : done) {
            assertThatThrownBy(() -> each.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().satisfiesAnyOf(
                            failure -> assertThat(failure).isInstanceOf(AssertionError.class).hasMessage("broken"),
                            failure -> assertThat(failure).isInstanceOf(IllegalStateException.class)
                                    .hasMessage("the transaction running it failed"));
        }
        assertThat(groupCommits()).isZero();
        assertThat(cameras()).isEmpty();
    }

    @Test
    void aWorkSeesWhatTheWorksBeforeItInItsGroupWrote() throws Exception {
        List<Callable<String>> works = new ArrayList<>(adding(1, 1));
        works.add(() -> database.groupedTransaction("count camera sites", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM camera");
                    ResultSet rows = query.executeQuery()) {
                rows.next();
                return Integer.toString(rows.getInt(1));
            }
        }));

        List<Future<String>> done = whileGroupHeld(works, 2);

        assertThat(done.get(1).get(60, TimeUnit.SECONDS)).isEqualTo("1");
        assertThat(groupCommits()).isEqualTo(1);
    }

    @Test
    void anUrgentWorkQueuedBehindRoutineWorksIsCommittedFirstInAGroupOfItsOwn() throws Exception {
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        List<Callable<String>> works = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            String id = "c" + n;
            works.add(() -> database.groupedTransaction("add camera site " + id, noting(ran, id)));
        }
        works.add(() -> database.groupedTransaction("add camera site c4", Database.Urgency.URGENT, noting(ran, "c4")));

        List<Future<String>> added = whileGroupHeld(works, works.size());

        for (Future<String> each : added) {
            each.get(60, TimeUnit.SECONDS);
        }
        assertThat(ran).containsExactly("c4", "c1", "c2", "c3");
        assertThat(groupCommits()).isEqualTo(2);
        assertThat(cameras()).containsExactly("c1", "c2", "c3", "c4");
    }

    /** Adds camera site {@code id}, noting in {@code ran} when its group ran it. */
    private static Database.Work<String> noting(List<String> ran, String id) {
        return connection -> {
            ran.add(id);
            return add(id).run(connection);
        };
    }

    private static Database.Work<String> add(String id) {
        return connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO camera (id, name, latitude, "
                    + "longitude, heading, border_approach) VALUES (?, 'Port', 35.89, -5.31, 90, TRUE)")) {
                insert.setString(1, id);
                insert.executeUpdate();
            }
            return id;
        };
    }

    /** Grouped transactions adding camera sites {@code c<from>} to {@code c<to>}, one per caller. */
    private List<Callable<String>> adding(int from, int to) {
        return IntStream.rangeClosed(from, to).<Callable<String>>mapToObj(
                n -> () -> database.groupedTransaction("add camera site c" + n, add("c" + n))).toList();
    }

    private List<String> cameras() {
        return database.run("list camera sites", connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT id FROM camera ORDER BY id");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        });
    }
}
