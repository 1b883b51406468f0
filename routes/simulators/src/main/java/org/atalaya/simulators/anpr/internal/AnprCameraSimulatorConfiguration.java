package org.atalaya.simulators.anpr.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Atalaya demo ANPR cameras",
        description = "Simulated licence-plate cameras that publish reads to the hub over MQTT, as real ones do.")
public @interface AnprCameraSimulatorConfiguration {

    @AttributeDefinition(description = "The hub's MQTT listener.")
    String brokerUrl() default "tcp://127.0.0.1:1883";

    @AttributeDefinition(description = "The simulator's device account (written by bin/atalaya-init).")
    String user();

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "The device account's password.")
    String password();

    @AttributeDefinition(description = "Reads published per second, over all cameras (at most 1000).")
    double readsPerSecond() default 4;

    @AttributeDefinition(description = "Every Nth read is a plate of the sample hotlist, alternately read exactly "
            + "and with one OCR confusion; 0 for none.")
    int hitEvery() default 40;

    @AttributeDefinition(description = "Fraction of the cameras that publish ONVIF Profile M events instead of "
            + "Atalaya JSON, 0 to 1.")
    double onvifShare() default 0.25;

    @AttributeDefinition(
            description = "Import the sample hotlist (source 'demo') at start, unless it is listed already.")
    boolean importSampleHotlist() default true;
}
