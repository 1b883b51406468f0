package org.atalaya.api.alert;

/** What an alert on {@code atalaya.alerts} is about. */
public enum AlertKind {
    /** A read plate matched the hotlist ({@code org.atalaya.api.anpr.HitAlert}). */
    HIT,
    /** A newly listed plate matched a read of the retention period ({@code HitAlert}, past read). */
    PAST_HIT,
    /** One plate on two vehicles ({@code org.atalaya.api.anpr.CloneAlert}). */
    CLONE,
    /**
     * A vehicle's registration details that came after its hit went out
     * ({@code org.atalaya.api.anpr.HitDetails}, naming the hit).
     */
    HIT_DETAILS,
    /**
     * A condition of the hub that operators must know about, raised and later cleared, such as a
     * hotlist no longer in step with its source ({@link SystemAlert}).
     */
    SYSTEM
}
