package org.atalaya.itests.echo;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.atalaya.runtime.Connector;

/** A connector that a test deploys at runtime as a bundle of its own: relays one queue to another. */
public class EchoConnector implements Connector {

    public static final String ROUTE_ID = "echo-relay";
    public static final String IN = "jms:queue:itest.echo.in";
    public static final String OUT = "jms:queue:itest.echo.out";

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public RoutesBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(IN).routeId(ROUTE_ID).to(OUT);
            }
        };
    }
}
