package org.atalaya.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.atalaya.api.anpr.Hotlist;
import org.atalaya.api.anpr.PlateCheck;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.DataClass;

/**
 * Shows how a plate, as a camera might read it, matches the hotlist now, and why: what an
 * operator asks when a hit looks wrong or an expected one did not come.
 */
@Service
@Command(scope = "atalaya", name = "plate-check", description = "Checks a plate against the hotlist",
        detailedDescription = "Shows the plate as it is compared (normalised), the OCR equivalence classes and how"
                + " many equivalent characters may differ, then each entry it matches, how, and at which"
                + " positions the characters differ; or no match.")
public class PlateCheckCommand extends ConsultingAction {

    @Argument(index = 0, name = "plate", description = "The plate as read; case and separators do not matter",
            required = true)
    private String plate;

    @Option(name = "--country", description = "ISO 3166-1 alpha-2 country it was read in; none for any")
    private String country;

    @Reference
    private Hotlist hotlist;

    @Override
    protected void run() {
        PlateCheck check = hotlist.check(plate, CommandArguments.country(country));
        if (check.plate() == null) {
            throw new IllegalArgumentException(HotlistText.explain(check).get(0));
        }
        consult(DataClass.HOTLIST, Access.READ, "atalaya:plate-check", List.of(check.plate()));
        HotlistText.explain(check).forEach(System.out::println);
    }
}
