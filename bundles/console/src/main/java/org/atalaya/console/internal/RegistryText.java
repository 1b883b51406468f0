package org.atalaya.console.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.atalaya.api.anpr.VehicleRegistryLink;

/** How the registry commands write the link's status and a sync's report, testable without a shell. */
final class RegistryText {

    /**
     * Why a registry command cannot run. The service is also missing when the feature is
     * installed but the connector has no account yet: it stays off until it has one.
     */
    static final String NOT_RUNNING = "the vehicle-registry connector is not running: install it"
            + " (feature:install atalaya-vehicle-registry) and give it the registry's address and the hub's"
            + " account in etc/org.atalaya.vehicleregistry.cfg";

    private RegistryText() {
    }

    /** Where the link stands, one field per line; {@code now} dates the time since the last sync. */
    static List<String> status(VehicleRegistryLink.Status status, Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add(field("Source", status.source()));
        lines.add(field("Address", status.address() == null ? HotlistText.NONE : status.address()));
        lines.add(field("Hub version", status.version() == 0 ? "none (no list loaded)"
                : Long.toString(status.version())));
        lines.add(field("Registry version", status.registryVersion() == 0 ? "not known (not asked yet)"
                : Long.toString(status.registryVersion())));
        lines.add(field("Lag", lag(status, now)));
        lines.add(field("Entries", HotlistText.count(status.entries())));
        lines.add(field("Last sync", status.lastSync() == null ? "never" : HotlistText.instant(status.lastSync())));
        lines.add(field("Last attempt", status.lastAttempt() == null ? "none since the hub started"
                : HotlistText.instant(status.lastAttempt())));
        if (status.lastFailure() != null) {
            lines.add(field("Last failure", status.lastFailure()));
        }
        lines.add(field("State", status.stale()
                ? "STALE: no successful sync for more than " + age(status.staleAfter())
                : "in step (stale after " + age(status.staleAfter()) + " without a successful sync)"));
        lines.add(field("Breaker", breaker(status.breaker())));
        lines.add(field("Hit notices", HotlistText.count(status.noticesDelivered())
                + " acknowledged by the registry since the hub started"));
        return lines;
    }

    /** What a sync did: the kind and versions, then the counts. */
    static List<String> report(VehicleRegistryLink.SyncReport report) {
        return List.of(
                report.kind() + ": version " + report.fromVersion() + " \u2192 " + report.toVersion() + " in "
                        + HotlistText.seconds(report.took())
                        + ("CONFIRMED".equals(report.kind()) ? ", nothing new" : ""),
                HotlistText.count(report.added()) + " added, " + HotlistText.count(report.updated()) + " updated, "
                        + HotlistText.count(report.removed()) + " removed, " + HotlistText.count(report.rejected())
                        + " rejected; " + HotlistText.count(report.entries())
                        + (report.entries() == 1 ? " entry" : " entries") + " listed");
    }

    /** The progress line while a snapshot loads: {@code Loaded 200,000 entries…}. */
    static String loaded(long entries) {
        return "Loaded " + HotlistText.count(entries) + (entries == 1 ? " entry" : " entries") + "\u2026";
    }

    /** Why a sync failed, in its exception's words; the link keeps what the sync applied before it failed. */
    static String failed(Exception failure) {
        String why = failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName() : failure.getMessage();
        return "the sync failed: " + why + " (what was applied before the failure stays applied)";
    }

    /** A time span in its two largest units: {@code 45 s}, {@code 5 min 3 s}, {@code 2 h 5 min}, {@code 3 d 4 h}. */
    static String age(Duration duration) {
        long seconds = duration == null || duration.isNegative() ? 0 : duration.getSeconds();
        long[] amounts = {seconds / 86_400, seconds / 3_600 % 24, seconds / 60 % 60, seconds % 60};
        String[] units = {"d", "h", "min", "s"};
        int first = 0;
        while (first < amounts.length - 1 && amounts[first] == 0) {
            first++;
        }
        String age = amounts[first] + " " + units[first];
        if (first < amounts.length - 1 && amounts[first + 1] != 0) {
            age += " " + amounts[first + 1] + " " + units[first + 1];
        }
        return age;
    }

    private static String lag(VehicleRegistryLink.Status status, Instant now) {
        String versions = status.registryVersion() == 0 ? "versions behind not known"
                : status.lag() + (status.lag() == 1 ? " version" : " versions") + " behind";
        String since = status.lastSync() == null ? "never synced"
                : age(Duration.between(status.lastSync(), now)) + " since the last sync";
        return versions + ", " + since;
    }

    private static String breaker(String state) {
        if (state == null) {
            return HotlistText.NONE;
        }
        return switch (state) {
            case "OPEN" -> "OPEN (the registry is not called until it half-opens)";
            case "HALF_OPEN" -> "HALF_OPEN (a few calls try the registry again)";
            default -> state;
        };
    }

    private static String field(String name, String value) {
        return String.format(Locale.ROOT, "%-16s %s", name, value);
    }
}
