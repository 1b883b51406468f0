package org.atalaya.console.internal;

import java.util.Arrays;
import java.util.List;

import org.atalaya.api.audit.AuditEntry;
import org.atalaya.api.audit.AuditRecord;
import org.atalaya.api.audit.AuditVerification;

/** How the audit commands write records and verifications, testable without a shell. */
final class AuditText {

    /** The headers of {@code audit-search}. */
    static final List<String> RECORD_COLUMNS = List.of("Sequence", "At", "Agency", "Person", "Action", "Data class",
            "Subjects", "Purpose", "Case", "Outcome", "Recipients");

    /** The headers of {@code audit-verify}'s findings. */
    static final List<String> FINDING_COLUMNS = List.of("Sequence", "Kind", "Detail");

    private AuditText() {
    }

    /** The cells of a record's row, in the order of {@link #RECORD_COLUMNS}. */
    static List<String> recordRow(AuditRecord record) {
        AuditEntry entry = record.entry();
        return Arrays.asList(Long.toString(record.sequence()), HotlistText.instant(entry.at()), orNone(entry.agency()),
                orNone(entry.person()), entry.action(), orNone(entry.dataClass()), list(entry.subjects()),
                orNone(entry.purpose()), orNone(entry.caseReference()), entry.outcome(), list(entry.recipients()));
    }

    /** The cells of a finding's row, in the order of {@link #FINDING_COLUMNS}. */
    static List<String> findingRow(AuditVerification.Finding finding) {
        return List.of(Long.toString(finding.sequence()), finding.kind().name(), finding.detail());
    }

    /** {@code intact: 1,250,000 records, 4,166 seals}. */
    static String intact(AuditVerification verification) {
        return "intact: " + HotlistText.count(verification.records()) + " records, "
                + HotlistText.count(verification.seals()) + " seals";
    }

    /** What a broken log says after its findings. */
    static String broken(AuditVerification verification) {
        int breaks = verification.findings().size();
        return "the audit log is broken: " + breaks + (breaks == 1 ? " finding" : " findings") + " in "
                + HotlistText.count(verification.records()) + " records and "
                + HotlistText.count(verification.seals()) + " seals";
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? HotlistText.NONE : String.join(", ", values);
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? HotlistText.NONE : value;
    }
}
