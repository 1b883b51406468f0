package org.atalaya.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The accounts the realm accepted lately, so that a device posting every few milliseconds is not
 * a realm login each time (the realm reads its users file and hashes the password on every
 * login). Only an accepted login is kept, for {@code ttl}: a password given is compared with a
 * keyed hash (HMAC-SHA-256 under a key drawn when the hub starts) of the one that was accepted,
 * never kept in clear; any other password goes to the realm again, and a refused one is never
 * kept. A password changed or an account removed in the realm is therefore honoured within
 * {@code ttl}. One entry per account, so the cache is as large as the realm at most.
 */
final class LoginCache {

    private record Accepted(byte[] secret, RealmLogin.Account account, long until) {
    }

    private final BiFunction<String, String, Optional<RealmLogin.Account>> realm;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final SecretKeySpec key;
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();

    /**
     * @param realm    the login to ask when nothing valid is kept
     * @param ttl      how long an accepted login is kept
     * @param nanoTime the clock the {@code ttl} is counted on ({@code System::nanoTime})
     */
    LoginCache(BiFunction<String, String, Optional<RealmLogin.Account>> realm, Duration ttl, LongSupplier nanoTime) {
        this.realm = realm;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
    }

    Optional<RealmLogin.Account> login(String user, String password) {
        byte[] secret = secret(user, password);
        long now = nanoTime.getAsLong();
        Accepted kept = accepted.get(user);
        if (kept != null && now - kept.until() < 0 && MessageDigest.isEqual(kept.secret(), secret)) {
            return Optional.of(kept.account());
        }
        Optional<RealmLogin.Account> account = realm.apply(user, password);
        if (account.isPresent()) {
            accepted.put(user, new Accepted(secret, account.get(), now + ttlNanos));
        } else {
            accepted.remove(user);
        }
        return account;
    }

    private byte[] secret(String user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", unavailable);
        }
    }
}
