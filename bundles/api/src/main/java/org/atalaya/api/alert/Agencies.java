package org.atalaya.api.alert;

import java.util.List;

/** The agencies that receive alerts, by the names used in subscriptions, roles and headers. */
public final class Agencies {

    public static final String LOCAL_POLICE = "local-police";
    public static final String NATIONAL_POLICE = "national-police";

    /** Both police control centres: where every ANPR alert goes. */
    public static final List<String> POLICE = List.of(LOCAL_POLICE, NATIONAL_POLICE);

    private Agencies() {
    }
}
