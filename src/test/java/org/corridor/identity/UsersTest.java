package org.corridor.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.corridor.ConflictException;
import org.corridor.DomainException;
import org.corridor.ForbiddenException;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEntry;
import org.corridor.audit.ChainVerification;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Identity under dual control: the console's first ADMIN, proposals confirmed by a second ADMIN,
 * enrolment codes in two parts, tokens stored only hashed.
 */
class UsersTest {

    private static final Actor CONSOLE = new Actor("cli:root", "LOCAL_ADMIN");
    private static final Actor ALICE = new Actor("alice", "ADMIN");
    private static final Actor BOB = new Actor("bob", "ADMIN");
    private static final Users.Lifetimes LIFETIMES = Users.Lifetimes.DEFAULT;

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final Corridor corridor = TestCorridor.create(clock);
    private final Users users = corridor.users();

    @AfterEach
    void tearDown() {
        corridor.close();
    }

    /** alice from the console, bob proposed by alice and confirmed at the console; both enrolled. */
    private void twoAdmins() {
        users.enrol(users.bootstrap(CONSOLE, "alice", Duration.ofDays(30)).code());
        ChangeOutcome proposed = users.proposeUser(ALICE, "bob", EnumSet.of(Role.ADMIN), Set.of(), LIFETIMES);
        ChangeOutcome confirmed =
                users.confirmAtConsole(CONSOLE, proposed.change().id());
        users.enrol(code(proposed, confirmed));
    }

    private static String code(ChangeOutcome proposed, ChangeOutcome confirmed) {
        return proposed.enrolmentCodePart().orElseThrow() + "-"
                + confirmed.enrolmentCodePart().orElseThrow();
    }

    private IssuedToken create(String name, Set<Role> roles, String... holders) {
        ChangeOutcome proposed = users.proposeUser(ALICE, name, roles, Set.of(holders), LIFETIMES);
        return users.enrol(code(proposed, users.confirm(BOB, proposed.change().id())));
    }

    private static String codeOf(Runnable refused) {
        try {
            refused.run();
        } catch (DomainException e) {
            return e.code();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void the_console_creates_only_the_first_admin_of_an_empty_database() {
        EnrolmentCode first = users.bootstrap(CONSOLE, "alice", Duration.ofDays(30));
        assertThat(first.code()).matches("[0-9A-Z]{26}-[0-9A-Z]{26}");
        assertThat(first.expiresAt()).isEqualTo(Instant.parse("2026-01-04T00:00:00Z"));
        assertThat(first.toString()).doesNotContain(first.code());
        assertThat(codeOf(() -> users.bootstrap(CONSOLE, "mallory", Duration.ofDays(30))))
                .isEqualTo("BOOTSTRAP_NOT_EMPTY");

        IssuedToken token = users.enrol(first.code().toLowerCase(java.util.Locale.ROOT));
        assertThat(token.token()).startsWith("cor_").hasSize(47);
        assertThat(users.authenticate(token.token()))
                .isInstanceOfSatisfying(
                        Authentication.Authenticated.class,
                        a -> assertThat(a.user().roles()).containsExactly(Role.ADMIN));
        List<String> stored = corridor.database()
                .jdbi()
                .withHandle(h -> h.createQuery("select token_hash from api_token")
                        .mapTo(String.class)
                        .list());
        assertThat(stored).containsExactly(org.corridor.audit.Hashing.sha256Hex(token.token()));
        assertThat(token.toString()).doesNotContain(token.token());
    }

    @Test
    void a_proposal_takes_effect_only_when_another_admin_confirms_it() {
        twoAdmins();
        ChangeOutcome proposed = users.proposeUser(ALICE, "carol", EnumSet.of(Role.APPROVER), Set.of(), LIFETIMES);
        assertThat(proposed.change().state()).isEqualTo("PENDING");
        assertThat(users.find("carol")).isEmpty();

        assertThat(codeOf(() -> users.confirm(ALICE, proposed.change().id())))
                .isEqualTo("SAME_PERSON_PROPOSES_AND_CONFIRMS");
        assertThat(codeOf(() -> users.confirm(
                        new Actor("nobody", "ADMIN"), proposed.change().id())))
                .isEqualTo("ADMIN_REQUIRED");
        assertThat(codeOf(
                        () -> users.confirmAtConsole(CONSOLE, proposed.change().id())))
                .as("the console confirms only a second ADMIN while there is one")
                .isEqualTo("CONSOLE_MAY_NOT_CONFIRM");
        assertThat(users.find("carol")).isEmpty();

        ChangeOutcome confirmed = users.confirm(BOB, proposed.change().id());
        assertThat(confirmed.change().state()).isEqualTo("CONFIRMED");
        assertThat(confirmed.change().decidedBy()).contains("bob");
        assertThat(users.byName("carol").roles()).containsExactly(Role.APPROVER);
        assertThat(codeOf(() -> users.confirm(BOB, proposed.change().id()))).isEqualTo("CHANGE_NOT_PENDING");

        // Nobody proposes or confirms a change of their own identity.
        assertThat(codeOf(() -> users.proposeReissue(ALICE, "alice", LIFETIMES)))
                .isEqualTo("SELF_CHANGE");
        ChangeOutcome bobsAccess = users.proposeReissue(ALICE, "bob", LIFETIMES);
        assertThat(codeOf(() -> users.confirm(BOB, bobsAccess.change().id()))).isEqualTo("SELF_CHANGE");
        assertThat(users.reject(BOB, bobsAccess.change().id(), "not needed").state())
                .isEqualTo("REJECTED");
    }

    @Test
    void an_enrolment_code_needs_both_parts_works_once_and_expires_after_72_hours() {
        twoAdmins();
        ChangeOutcome proposed = users.proposeUser(ALICE, "dave", EnumSet.of(Role.OPERATOR), Set.of(), LIFETIMES);
        ChangeOutcome confirmed = users.confirm(BOB, proposed.change().id());
        String first = proposed.enrolmentCodePart().orElseThrow();
        String second = confirmed.enrolmentCodePart().orElseThrow();
        assertThat(confirmed.enrolmentExpiresAt()).contains(clock.instant().plus(Duration.ofHours(72)));

        for (String partial : List.of(first, second, first + "-" + first, second + "-" + first, "")) {
            assertThat(codeOf(() -> users.enrol(partial))).isEqualTo("ENROLMENT_CODE_INVALID");
        }
        IssuedToken dave = users.enrol(first + "-" + second);
        assertThat(dave.user().name()).isEqualTo("dave");
        assertThat(codeOf(() -> users.enrol(first + "-" + second))).isEqualTo("ENROLMENT_CODE_INVALID");

        ChangeOutcome late = users.proposeUser(ALICE, "erin", EnumSet.of(Role.AUDITOR), Set.of(), LIFETIMES);
        ChangeOutcome lateConfirmed = users.confirm(BOB, late.change().id());
        clock.advance(Duration.ofHours(72));
        assertThat(codeOf(() -> users.enrol(code(late, lateConfirmed)))).isEqualTo("ENROLMENT_CODE_INVALID");
        assertThat(corridor.audit().list(Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z"), 0, 1000))
                .filteredOn(entry -> entry.action().equals("ENROLMENT_REFUSED"))
                .extracting(AuditEntry::outcome)
                .anySatisfy(outcome -> assertThat(outcome).contains("USED"))
                .anySatisfy(outcome -> assertThat(outcome).contains("EXPIRED"))
                .anySatisfy(outcome -> assertThat(outcome).contains("SECOND_PART_WRONG"));
    }

    @Test
    void refuses_missing_malformed_unknown_and_expired_tokens() {
        twoAdmins();
        ChangeOutcome proposed = users.proposeUser(
                ALICE,
                "frank",
                EnumSet.of(Role.AUDITOR),
                Set.of(),
                new Users.Lifetimes(Duration.ofDays(1), Duration.ofHours(72)));
        IssuedToken issued =
                users.enrol(code(proposed, users.confirm(BOB, proposed.change().id())));
        assertThat(users.authenticate("")).isEqualTo(new Authentication.Refused("MISSING"));
        assertThat(users.authenticate("not-a-token")).isEqualTo(new Authentication.Refused("MALFORMED"));
        assertThat(users.authenticate("cor_" + "A".repeat(43))).isEqualTo(new Authentication.Refused("UNKNOWN"));
        clock.advance(Duration.ofHours(23));
        assertThat(users.authenticate(issued.token())).isInstanceOf(Authentication.Authenticated.class);
        clock.advance(Duration.ofHours(1));
        assertThat(users.authenticate(issued.token())).isEqualTo(new Authentication.Refused("EXPIRED"));
    }

    @Test
    void new_access_revokes_earlier_tokens_and_disabling_refuses_them_at_once() {
        twoAdmins();
        IssuedToken first = create("grace", EnumSet.of(Role.APPROVER));
        ChangeOutcome reissue = users.proposeReissue(ALICE, "grace", LIFETIMES);
        assertThat(users.authenticate(first.token()))
                .as("a proposal changes nothing")
                .isInstanceOf(Authentication.Authenticated.class);
        IssuedToken second =
                users.enrol(code(reissue, users.confirm(BOB, reissue.change().id())));
        assertThat(users.authenticate(first.token())).isEqualTo(new Authentication.Refused("REVOKED"));
        assertThat(users.authenticate(second.token())).isInstanceOf(Authentication.Authenticated.class);

        users.disable(ALICE, "grace");
        assertThat(users.authenticate(second.token())).isEqualTo(new Authentication.Refused("USER_DISABLED"));
        assertThatThrownBy(() -> users.disable(ALICE, "grace")).isInstanceOf(ConflictException.class);
        assertThat(codeOf(() -> users.proposeReissue(ALICE, "grace", LIFETIMES)))
                .isEqualTo("USER_DISABLED");
        assertThat(codeOf(() -> users.disable(ALICE, "alice"))).isEqualTo("SELF_CHANGE");

        ChangeOutcome enable = users.proposeEnable(BOB, "grace", LIFETIMES);
        IssuedToken third =
                users.enrol(code(enable, users.confirm(ALICE, enable.change().id())));
        assertThat(users.authenticate(third.token())).isInstanceOf(Authentication.Authenticated.class);
        assertThat(users.authenticate(second.token())).isEqualTo(new Authentication.Refused("REVOKED"));
    }

    @Test
    void one_person_may_hold_several_bank_roles_but_admin_auditor_and_outside_parties_stand_alone() {
        twoAdmins();
        IssuedToken both = create("hana", EnumSet.of(Role.OPERATOR, Role.APPROVER));
        assertThat(both.user().actor()).isEqualTo(new Actor("hana", "OPERATOR+APPROVER"));
        assertThat(both.user().may(org.corridor.identity.Permission.RELEASE_EXECUTE))
                .isTrue();

        for (Set<Role> roles : List.of(
                EnumSet.of(Role.ADMIN, Role.OPERATOR),
                EnumSet.of(Role.AUDITOR, Role.APPROVER),
                EnumSet.of(Role.BENEFICIARY_AGENT, Role.OPERATOR),
                EnumSet.of(Role.PAYER, Role.COMPLIANCE_ANALYST))) {
            assertThat(codeOf(() -> users.proposeUser(ALICE, "ivan", roles, Set.of(), LIFETIMES)))
                    .as(roles.toString())
                    .isEqualTo("ROLES_INCOMPATIBLE");
        }
        assertThat(codeOf(() ->
                        users.proposeUser(ALICE, "ivan", EnumSet.of(Role.BENEFICIARY_AGENT), Set.of(), LIFETIMES)))
                .isEqualTo("HOLDERS_MISSING");
        assertThat(codeOf(() -> users.proposeUser(ALICE, "ivan", EnumSet.of(Role.OPERATOR), Set.of("NIGC"), LIFETIMES)))
                .isEqualTo("HOLDERS_NOT_FOR_ROLE");

        ChangeOutcome grant = users.proposeRole(ALICE, "hana", Role.COMPLIANCE_ANALYST, true);
        assertThat(users.byName("hana").roles()).doesNotContain(Role.COMPLIANCE_ANALYST);
        users.confirm(BOB, grant.change().id());
        assertThat(users.byName("hana").roles()).containsExactly(Role.OPERATOR, Role.COMPLIANCE_ANALYST, Role.APPROVER);
        assertThat(codeOf(() -> users.proposeRole(ALICE, "hana", Role.ADMIN, true)))
                .isEqualTo("ROLES_INCOMPATIBLE");

        IssuedToken agent = create("jamal", EnumSet.of(Role.BENEFICIARY_AGENT), "NIGC");
        assertThat(agent.user().actsFor("nigc")).isTrue();
        assertThat(agent.user().actsFor("TAVANIR")).isFalse();
        ChangeOutcome bind = users.proposeHolder(ALICE, "jamal", "TAVANIR", true);
        users.confirm(BOB, bind.change().id());
        assertThat(users.byName("jamal").holders()).containsExactly("NIGC", "TAVANIR");
        ChangeOutcome unbind = users.proposeHolder(BOB, "jamal", "NIGC", false);
        users.confirm(ALICE, unbind.change().id());
        assertThat(users.byName("jamal").holders()).containsExactly("TAVANIR");
        assertThat(codeOf(() -> users.proposeHolder(BOB, "jamal", "TAVANIR", false)))
                .isEqualTo("HOLDERS_MISSING");
    }

    @Test
    void names_are_unique_and_well_formed() {
        twoAdmins();
        create("kate", EnumSet.of(Role.PAYER));
        assertThatThrownBy(() -> users.proposeUser(ALICE, "kate", EnumSet.of(Role.PAYER), Set.of(), LIFETIMES))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already exists");
        users.proposeUser(ALICE, "liam", EnumSet.of(Role.PAYER), Set.of(), LIFETIMES);
        assertThat(codeOf(() -> users.proposeUser(BOB, "liam", EnumSet.of(Role.PAYER), Set.of(), LIFETIMES)))
                .isEqualTo("CHANGE_PENDING");
        for (String bad : new String[] {"", " ", "a b", "x".repeat(65), "-lead", "semi;colon", "ünï"}) {
            assertThatThrownBy(() -> users.proposeUser(ALICE, bad, EnumSet.of(Role.PAYER), Set.of(), LIFETIMES))
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> users.proposeUser(
                        new Actor("kate", "ADMIN"), "mia", EnumSet.of(Role.PAYER), Set.of(), LIFETIMES))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("not an enabled ADMIN");
    }

    @Test
    void every_change_is_in_the_audit_trail_without_tokens_or_code_parts() {
        twoAdmins();
        ChangeOutcome proposed = users.proposeUser(ALICE, "nina", EnumSet.of(Role.AUDITOR), Set.of(), LIFETIMES);
        ChangeOutcome confirmed = users.confirm(BOB, proposed.change().id());
        IssuedToken nina = users.enrol(code(proposed, confirmed));
        users.disable(BOB, "nina");
        List<AuditEntry> entries = corridor.audit().list(Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z"), 0, 100);
        assertThat(entries)
                .extracting(AuditEntry::action)
                .containsExactly(
                        "FIRST_ADMIN_CREATED",
                        "USER_ENROLLED",
                        "IDENTITY_CHANGE_PROPOSED",
                        "IDENTITY_CHANGE_CONFIRMED",
                        "USER_ENROLLED",
                        "IDENTITY_CHANGE_PROPOSED",
                        "IDENTITY_CHANGE_CONFIRMED",
                        "USER_ENROLLED",
                        "USER_DISABLED");
        assertThat(entries.get(6).actor()).isEqualTo("bob");
        assertThat(entries.get(7).actor()).isEqualTo("nina");
        for (AuditEntry entry : entries) {
            String text = entry.command() + entry.outcome();
            assertThat(text)
                    .doesNotContain(nina.token())
                    .doesNotContain(proposed.enrolmentCodePart().orElseThrow())
                    .doesNotContain(confirmed.enrolmentCodePart().orElseThrow());
        }
        assertThat(corridor.audit().verify()).isEqualTo(new ChainVerification.Intact(entries.size()));
        assertThat(users.changes(Optional.of("CONFIRMED"), 10)).hasSize(2);
    }
}
