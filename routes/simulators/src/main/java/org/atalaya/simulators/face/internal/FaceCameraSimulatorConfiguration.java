package org.atalaya.simulators.face.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Atalaya demo face cameras",
        description = "Simulated face-recognition analytics that publish watchlist matches to the hub over MQTT,"
                + " as real ones do.")
public @interface FaceCameraSimulatorConfiguration {

    @AttributeDefinition(description = "The hub's MQTT listener.")
    String brokerUrl() default "tcp://127.0.0.1:1883";

    @AttributeDefinition(description = "The simulator's device account, of the face-camera family.")
    String user();

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "The device account's password.")
    String password();

    @AttributeDefinition(description = "The simulated cameras' ids, comma-separated: name them in an authorisation"
            + " to see their matches delivered.")
    String[] cameras() default {"tarajal-face-1", "puerto-face-1", "estacion-maritima-face-1"};

    @AttributeDefinition(description = "The demo watchlist entries the matches name, comma-separated.")
    String[] watchlistEntries() default {"wl-demo-0001", "wl-demo-0002", "wl-demo-0003"};

    @AttributeDefinition(description = "Matches published per minute, over all cameras (above 0, at most 600).")
    double matchesPerMinute() default 2;

    @AttributeDefinition(description = "Where the simulated frames would be at the vendor: the image reference is"
            + " this, the camera id and the match id.")
    String imageBaseUrl() default "https://vms.demo.atalaya.example/frames/";
}
