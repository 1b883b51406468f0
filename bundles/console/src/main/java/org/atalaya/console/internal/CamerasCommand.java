package org.atalaya.console.internal;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.HAlign;
import org.apache.karaf.shell.support.table.ShellTable;
import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.CameraRegistry;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.DataClass;

/** The camera sites the hub accepts plate reads from. */
@Service
@Command(scope = "atalaya", name = "cameras", description = "Lists the registered ANPR cameras")
public class CamerasCommand extends ConsultingAction {

    @Reference
    private CameraRegistry registry;

    @Override
    protected void run() {
        consult(DataClass.DEVICES, Access.READ, "atalaya:cameras", List.of());
        List<Camera> cameras = registry.list();
        ShellTable table = new ShellTable().emptyTableText("no cameras");
        table.column("Id");
        table.column("Name");
        table.column("Latitude").align(HAlign.right);
        table.column("Longitude").align(HAlign.right);
        table.column("Heading").align(HAlign.right);
        table.column("Border approach");
        for (Camera camera : cameras) {
            table.addRow().addContent(camera.id(), camera.name(),
                    String.format(Locale.ROOT, "%.6f", camera.position().latitude()),
                    String.format(Locale.ROOT, "%.6f", camera.position().longitude()),
                    String.format(Locale.ROOT, "%.0f", camera.heading()),
                    camera.borderApproach() ? "yes" : "no");
        }
        table.print(System.out);
        System.out.println(cameras.size() + (cameras.size() == 1 ? " camera" : " cameras"));
    }
}
