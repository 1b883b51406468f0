package org.atalaya.routes.vehicleregistry.internal;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.atalaya.api.anpr.VehicleRegistryLink;

/**
 * The hub's health check of its link to the ministry ({@code atalaya/vehicle-registry}), among
 * Camel's checks: down while the hotlist is stale, with where it stands as details.
 */
final class RegistryHealth extends AbstractHealthCheck {

    private final VehicleRegistryLink link;

    RegistryHealth(VehicleRegistryLink link) {
        super("atalaya", "vehicle-registry");
        this.link = link;
    }

    @Override
    public boolean isLiveness() {
        // a stale list is a condition to report, not a reason to restart the hub
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        VehicleRegistryLink.Status status = link.status();
        builder.detail("source", status.source());
        builder.detail("address", status.address());
        builder.detail("version", status.version());
        builder.detail("registryVersion", status.registryVersion());
        builder.detail("entries", status.entries());
        builder.detail("lastSync", String.valueOf(status.lastSync()));
        builder.detail("breaker", status.breaker());
        if (status.lastFailure() != null) {
            builder.detail("lastFailure", status.lastFailure());
        }
        if (status.stale()) {
            builder.message("The hotlist of " + status.source() + " is stale: no successful sync since "
                    + status.lastSync() + " (allowed " + status.staleAfter().toSeconds() + " s)");
            builder.down();
        } else {
            builder.up();
        }
    }
}
