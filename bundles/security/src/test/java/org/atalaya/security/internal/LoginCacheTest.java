package org.atalaya.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class LoginCacheTest {

    private final Map<String, String> passwords = new java.util.HashMap<>(Map.of("anpr-cameras", "right"));
    private final List<String> asked = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000);
    private final LoginCache cache = new LoginCache(this::realm, Duration.ofSeconds(30), now::get);

    private Optional<RealmLogin.Account> realm(String user, String password) {
        asked.add(user + ":" + password);
        return password.equals(passwords.get(user))
                ? Optional.of(new RealmLogin.Account(user, Set.of("anpr-camera")))
                : Optional.empty();
    }

    @Test
    void anAcceptedLoginIsNotAskedOfTheRealmAgainWithinItsTime() {
        assertThat(cache.login("anpr-cameras", "right")).map(RealmLogin.Account::roles).contains(Set.of("anpr-camera"));
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(cache.login("anpr-cameras", "right")).isPresent();
        assertThat(asked).containsExactly("anpr-cameras:right");
    }

    @Test
    void anyOtherPasswordIsAskedOfTheRealmAndRefused() {
        cache.login("anpr-cameras", "right");
        assertThat(cache.login("anpr-cameras", "wrong")).isEmpty();
        assertThat(cache.login("anpr-cameras", "")).isEmpty();
        assertThat(asked).containsExactly("anpr-cameras:right", "anpr-cameras:wrong", "anpr-cameras:");
    }

    @Test
    void aRefusedLoginIsNeverKept() {
        assertThat(cache.login("anpr-cameras", "wrong")).isEmpty();
        assertThat(cache.login("anpr-cameras", "wrong")).isEmpty();
        assertThat(asked).hasSize(2);
    }

    @Test
    void aPasswordChangedInTheRealmIsHonouredOnceTheKeptLoginExpires() {
        cache.login("anpr-cameras", "right");
        passwords.put("anpr-cameras", "changed");
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(cache.login("anpr-cameras", "right")).isEmpty();
        assertThat(cache.login("anpr-cameras", "changed")).isPresent();
        assertThat(cache.login("anpr-cameras", "changed")).isPresent();
        assertThat(asked).containsExactly("anpr-cameras:right", "anpr-cameras:right", "anpr-cameras:changed");
    }

    @Test
    void oneAccountsKeptLoginDoesNotOpenAnother() {
        passwords.put("justice", "right");
        cache.login("anpr-cameras", "right");
        assertThat(cache.login("justice", "right")).map(RealmLogin.Account::user).contains("justice");
        assertThat(asked).containsExactly("anpr-cameras:right", "justice:right");
    }
}
