package org.atalaya.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyncDecisionTest {

    @ParameterizedTest(name = "stored {0}, changes {1} to {2}: {3}")
    @CsvSource(nullValues = "none", value = {
        // the change set starts at the stored version
        "10, 10, 11, APPLY",
        "10, 10, 15, APPLY",
        "0, 0, 1, APPLY",
        // redelivered: it ends where the hub is
        "11, 10, 11, ALREADY_APPLIED",
        "15, 12, 15, ALREADY_APPLIED",
        // the hub is behind the change set: changes in between were missed
        "10, 11, 12, MISSED_CHANGES",
        "10, 12, 13, MISSED_CHANGES",
        // the hub is ahead of the change set's start, and it does not end there
        "12, 10, 11, BEHIND",
        "12, 10, 13, BEHIND",
        "12, 11, 14, BEHIND",
        // never loaded
        "none, 10, 11, NEVER_LOADED",
        "none, 0, 1, NEVER_LOADED",
        // it must lead to a later version, whatever the hub holds
        "10, 10, 10, INVALID",
        "10, 11, 10, INVALID",
        "none, 5, 4, INVALID",
        "11, 11, 11, INVALID"})
    void decidesFromTheStoredVersion(Long stored, long from, long to, SyncDecision expected) {
        OptionalLong version = stored == null ? OptionalLong.empty() : OptionalLong.of(stored);

        assertThat(SyncDecision.of(version, from, to)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"APPLY, false", "ALREADY_APPLIED, false", "INVALID, false",
        "NEVER_LOADED, true", "MISSED_CHANGES, true", "BEHIND, true"})
    void onlyAGapNeedsASnapshot(SyncDecision decision, boolean needsSnapshot) {
        assertThat(decision.needsSnapshot()).isEqualTo(needsSnapshot);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NEVER_LOADED | the hub never loaded interior-ministry; load a full snapshot",
        "MISSED_CHANGES | the hub is at version 10, so changes were missed; load a full snapshot",
        "BEHIND | the hub is at version 10, past their start; load a full snapshot"})
    void explainsWhatToDo(SyncDecision decision, String words) {
        assertThat(decision.explain("interior-ministry",
                decision == SyncDecision.NEVER_LOADED ? OptionalLong.empty() : OptionalLong.of(10), 12, 13))
                .startsWith("The hotlist changes of interior-ministry from version 12 to 13 ")
                .endsWith(words);
    }
}
