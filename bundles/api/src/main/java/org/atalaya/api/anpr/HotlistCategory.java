package org.atalaya.api.anpr;

/**
 * Why a plate is listed; the first four are the Schengen Information System's article 38
 * categories for vehicles.
 */
public enum HotlistCategory {
    STOLEN_VEHICLE,
    STOLEN_OR_INVALIDATED_PLATE,
    WANTED_PERSON_VEHICLE,
    CLONE_SUSPICION,
    OTHER
}
