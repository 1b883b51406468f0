package org.atalaya.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.atalaya.store.jdbc.Database.Urgency;
import org.junit.jupiter.api.Test;

/** Which waiting works the next commit group takes: urgent ones ahead, routine ones never for good behind. */
class WaitingWorksTest {

    private final WaitingWorks<String> waiting = new WaitingWorks<>();

    @Test
    void urgentWorksMakeAGroupOfTheirOwnAheadOfRoutineWorksQueuedBeforeThem() {
        waiting.add("archive 1", Urgency.ROUTINE);
        waiting.add("call record 1", Urgency.ROUTINE);
        waiting.add("alert 1", Urgency.URGENT);
        waiting.add("archive 2", Urgency.ROUTINE);
        waiting.add("disclosure 1", Urgency.URGENT);

        assertThat(waiting.size()).isEqualTo(5);
        assertThat(waiting.next(64)).containsExactly("alert 1", "disclosure 1");
        assertThat(waiting.next(64)).containsExactly("archive 1", "call record 1", "archive 2");
        assertThat(waiting.next(64)).isEmpty();
        assertThat(waiting.size()).isZero();
    }

    @Test
    void aGroupTakesNoMoreThanTheLimitOldestFirst() {
        for (int n = 1; n <= 5; n++) {
            waiting.add("alert " + n, Urgency.URGENT);
        }

        assertThat(waiting.next(2)).containsExactly("alert 1", "alert 2");
        assertThat(waiting.next(2)).containsExactly("alert 3", "alert 4");
        assertThat(waiting.next(2)).containsExactly("alert 5");
    }

    @Test
    void routineWorksGetAGroupAfterSoManyUrgentGroupsInARow() {
        waiting.add("archive 1", Urgency.ROUTINE);
        List<List<String>> groups = new ArrayList<>();
        // an urgent work comes while each group commits
        for (int n = 1; n <= WaitingWorks.URGENT_IN_A_ROW + 2; n++) {
            waiting.add("alert " + n, Urgency.URGENT);
            groups.add(waiting.next(64));
        }

        List<List<String>> expected = new ArrayList<>();
        for (int n = 1; n <= WaitingWorks.URGENT_IN_A_ROW; n++) {
            expected.add(List.of("alert " + n));
        }
        expected.add(List.of("archive 1"));
        // the urgent work that waited for the routine group, and the one after it, together
        expected.add(List.of("alert " + (WaitingWorks.URGENT_IN_A_ROW + 1), "alert " + (WaitingWorks.URGENT_IN_A_ROW + 2)));
        assertThat(groups).isEqualTo(expected);
    }

    @Test
    void urgentGroupsFollowEachOtherWithoutEndWhenNoRoutineWorkWaits() {
        for (int n = 1; n <= WaitingWorks.URGENT_IN_A_ROW * 2; n++) {
            waiting.add("alert " + n, Urgency.URGENT);
            assertThat(waiting.next(64)).containsExactly("alert " + n);
        }
        waiting.add("archive 1", Urgency.ROUTINE);
        waiting.add("alert 0", Urgency.URGENT);

        // urgent groups in a row: the routine work waiting now goes first
        assertThat(waiting.next(64)).containsExactly("archive 1");
        assertThat(waiting.next(64)).containsExactly("alert 0");
    }
}
