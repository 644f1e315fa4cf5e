package org.corridor.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.audit.ChainVerification;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UsersTest {

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final Corridor corridor = TestCorridor.create(clock);
    private final Users users = corridor.users();

    @AfterEach
    void tearDown() {
        corridor.close();
    }

    @Test
    void a_new_users_token_authenticates_it_and_is_stored_only_as_a_hash() {
        IssuedToken issued = users.add(Actor.SYSTEM, "alice", Role.OPERATOR, Duration.ofDays(1));
        assertThat(issued.token()).startsWith("cor_").hasSize(47);
        assertThat(users.authenticate(issued.token()))
                .isInstanceOfSatisfying(
                        Authentication.Authenticated.class,
                        a -> assertThat(a.user().name()).isEqualTo("alice"));
        List<String> stored = corridor.database()
                .jdbi()
                .withHandle(h -> h.createQuery("select token_hash from api_token")
                        .mapTo(String.class)
                        .list());
        assertThat(stored).hasSize(1).doesNotContain(issued.token());
        assertThat(stored.get(0)).isEqualTo(org.corridor.audit.Hashing.sha256Hex(issued.token()));
        assertThat(issued.toString()).doesNotContain(issued.token());
    }

    @Test
    void refuses_missing_malformed_unknown_and_expired_tokens() {
        IssuedToken issued = users.add(Actor.SYSTEM, "bob", Role.AUDITOR, Duration.ofHours(1));
        assertThat(users.authenticate("")).isEqualTo(new Authentication.Refused("MISSING"));
        assertThat(users.authenticate("not-a-token")).isEqualTo(new Authentication.Refused("MALFORMED"));
        assertThat(users.authenticate("cor_" + "A".repeat(43))).isEqualTo(new Authentication.Refused("UNKNOWN"));
        clock.advance(Duration.ofMinutes(59));
        assertThat(users.authenticate(issued.token())).isInstanceOf(Authentication.Authenticated.class);
        clock.advance(Duration.ofMinutes(1));
        assertThat(users.authenticate(issued.token())).isEqualTo(new Authentication.Refused("EXPIRED"));
    }

    @Test
    void disabling_a_user_refuses_all_its_tokens_at_once() {
        IssuedToken first = users.add(Actor.SYSTEM, "carol", Role.APPROVER, Duration.ofDays(1));
        IssuedToken second = users.issueToken(Actor.SYSTEM, "carol", Duration.ofDays(1));
        users.disable(Actor.SYSTEM, "carol");
        assertThat(users.authenticate(first.token())).isEqualTo(new Authentication.Refused("USER_DISABLED"));
        assertThat(users.authenticate(second.token())).isEqualTo(new Authentication.Refused("USER_DISABLED"));
        assertThatThrownBy(() -> users.disable(Actor.SYSTEM, "carol")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> users.issueToken(Actor.SYSTEM, "carol", Duration.ofDays(1)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void names_are_unique_and_well_formed() {
        users.add(Actor.SYSTEM, "dave", Role.PAYER, Duration.ofDays(1));
        assertThatThrownBy(() -> users.add(Actor.SYSTEM, "dave", Role.PAYER, Duration.ofDays(1)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already exists");
        for (String bad : new String[] {"", " ", "a b", "x".repeat(65), "-lead", "semi;colon", "ünï"}) {
            assertThatThrownBy(() -> users.add(Actor.SYSTEM, bad, Role.PAYER, Duration.ofDays(1)))
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void every_change_is_in_the_audit_trail_without_the_token() {
        IssuedToken issued = users.add(new Actor("root", "ADMIN"), "erin", Role.AUDITOR, Duration.ofDays(1));
        users.issueToken(new Actor("root", "ADMIN"), "erin", Duration.ofDays(1));
        users.disable(new Actor("root", "ADMIN"), "erin");
        var entries =
                corridor.audit().list(java.time.Instant.EPOCH, java.time.Instant.parse("3000-01-01T00:00:00Z"), 0, 10);
        assertThat(entries).extracting(e -> e.action()).containsExactly("USER_ADDED", "TOKEN_ISSUED", "USER_DISABLED");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("root");
            assertThat(e.command() + e.outcome()).doesNotContain(issued.token());
        });
        assertThat(corridor.audit().verify()).isEqualTo(new ChainVerification.Intact(3));
    }
}
