package org.atalaya.console.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.atalaya.api.anpr.Hotlist;
import org.atalaya.api.anpr.HotlistCategory;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.PlateCheck;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.DataClass;

/** Lists one plate, from now on, and shows the entry as stored. */
@Service
@Command(scope = "atalaya", name = "hotlist-add", description = "Lists a plate on the hotlist")
public class HotlistAddCommand extends ConsultingAction {

    @Argument(index = 0, name = "plate", description = "The plate; case and separators do not matter",
            required = true)
    private String plate;

    @Option(name = "--country", description = "ISO 3166-1 alpha-2 country of the plate (ES, MA ...);"
            + " none lists it for every country")
    private String country;

    @Option(name = "--category", description = "Why it is listed", required = true)
    @Completion(HotlistCategoryCompleter.class)
    private String category;

    @Option(name = "--priority", description = "0 (lowest) to 100 (highest)")
    private int priority = 50;

    @Option(name = "--reason", description = "A short reason operators read on the alert")
    private String reason;

    @Option(name = "--reference", description = "The source's own reference (case, SIS or Interpol record)")
    private String reference;

    @Option(name = "--source", description = "Who lists it")
    private String source = "console";

    @Option(name = "--valid-until", description = "Until when it is listed: an instant (2026-01-31T23:00:00Z)"
            + " or a date (2026-01-31, to the end of that day); none for no end")
    private String validUntil;

    @Reference
    private Hotlist hotlist;

    @Override
    protected void run() {
        String listedCountry = CommandArguments.country(country);
        HotlistCategory listedCategory = CommandArguments.category(category);
        int listedPriority = CommandArguments.priority(priority);
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("--source must not be blank");
        }
        Instant now = Instant.now();
        Instant until = CommandArguments.validUntil(validUntil, ZoneId.systemDefault());
        if (until != null && !until.isAfter(now)) {
            throw new IllegalArgumentException("--valid-until " + validUntil.strip() + " has already passed");
        }
        // The hotlist's own check says whether the text is a plate and gives its normal form.
        PlateCheck check = hotlist.check(plate, listedCountry);
        if (check.plate() == null) {
            throw new IllegalArgumentException("'" + plate + "' is not a plate: letters and digits only,"
                    + " separators aside");
        }
        consult(DataClass.HOTLIST, Access.WRITE, "atalaya:hotlist-add", List.of(check.plate()));
        HotlistEntry stored = hotlist.add(new HotlistEntry(0, check.plate(), listedCountry, listedCategory,
                listedPriority, source.strip(), blankToNull(reason), blankToNull(reference), now, until));
        System.out.println("Listed entry " + stored.id());
        HotlistText.entryDetails(stored).forEach(System.out::println);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
