package org.atalaya.routes.controlcentres.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Atalaya control centres connector",
        description = "Each agency's alerts over REST and Server-Sent Events; hotlist, cameras and plate checks;"
                + " plate checks and alerts over SOAP.")
public @interface ControlCentresConfiguration {

    @AttributeDefinition(description = "Agencies with a control centre, comma-separated: each has a durable queue"
            + " of that name on atalaya.alerts; who acts for them is the access policy's say.")
    String[] agencies() default {"local-police", "national-police"};

    @AttributeDefinition(description = "Where the REST endpoints are served, under the hub's /api.")
    String restAddress() default "/v1";

    @AttributeDefinition(description = "Where the SOAP consultation service is served, under the hub's /api"
            + " (its WSDL at ?wsdl); empty for none.")
    String soapAddress() default "/soap/consultation";

    @AttributeDefinition(description = "Seconds between keep-alive comments on an idle alert stream.")
    int heartbeatSeconds() default 15;
}
