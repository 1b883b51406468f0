package org.atalaya.runtime;

import org.apache.camel.RoutesBuilder;

/**
 * A connector: the routes that bridge one device family or agency to the hub. Route bundles
 * register it as an OSGi service (a DS component that turns its configuration into routes); the
 * hub's runtime adds its routes when the service appears and stops and removes exactly those
 * routes when it goes, while every other route keeps running.
 *
 * <p>Every route a connector builds must have a {@code routeId} that starts with {@link #name()}
 * and a dash, so that operators can tell whose routes they see.
 */
public interface Connector {

    /** A short, stable, lower-case name ({@code city-sensors}). */
    String name();

    /**
     * Builds the connector's routes. Called each time the routes are (re)added, so it must
     * return a new builder every time: a Camel route builder can be configured only once.
     */
    RoutesBuilder routes();
}
