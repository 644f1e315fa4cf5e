package org.corridor.identity;

import static org.corridor.identity.Permission.AUDIT_READ;
import static org.corridor.identity.Permission.AUTHORISATION_MANAGE;
import static org.corridor.identity.Permission.AUTHORISATION_READ;
import static org.corridor.identity.Permission.CONTRACT_MANAGE;
import static org.corridor.identity.Permission.CONVERSION_EXECUTE;
import static org.corridor.identity.Permission.DELIVERY_RECORD;
import static org.corridor.identity.Permission.DEPOSIT_RECORD;
import static org.corridor.identity.Permission.ELIGIBILITY_CHECK;
import static org.corridor.identity.Permission.HIT_DISPOSE;
import static org.corridor.identity.Permission.HIT_READ;
import static org.corridor.identity.Permission.LEDGER_READ;
import static org.corridor.identity.Permission.LEDGER_WRITE;
import static org.corridor.identity.Permission.LISTS_CONFIRM;
import static org.corridor.identity.Permission.LISTS_READ;
import static org.corridor.identity.Permission.OWNERSHIP_MANAGE;
import static org.corridor.identity.Permission.OWNERSHIP_READ;
import static org.corridor.identity.Permission.PAYMENT_MESSAGE_IMPORT;
import static org.corridor.identity.Permission.PAYMENT_STATUS_RECORD;
import static org.corridor.identity.Permission.REJECTION_REPORT_FILE;
import static org.corridor.identity.Permission.RELEASE_APPROVE;
import static org.corridor.identity.Permission.RELEASE_EXECUTE;
import static org.corridor.identity.Permission.RELEASE_FOLLOW_UP;
import static org.corridor.identity.Permission.RELEASE_LINE_RESOLVE;
import static org.corridor.identity.Permission.RELEASE_READ;
import static org.corridor.identity.Permission.RELEASE_SUBMIT;
import static org.corridor.identity.Permission.REPORT_READ;
import static org.corridor.identity.Permission.RESTRICTED_ACCOUNT_MANAGE;
import static org.corridor.identity.Permission.RETENTION_MANAGE;
import static org.corridor.identity.Permission.RULES_MANAGE;
import static org.corridor.identity.Permission.SCREENING_RUN;
import static org.corridor.identity.Permission.SELF_READ;
import static org.corridor.identity.Permission.SETTLEMENT_READ;
import static org.corridor.identity.Permission.USER_MANAGE;
import static org.corridor.identity.Permission.VESSEL_SCREEN;
import static org.corridor.identity.Role.ADMIN;
import static org.corridor.identity.Role.APPROVER;
import static org.corridor.identity.Role.AUDITOR;
import static org.corridor.identity.Role.BENEFICIARY_AGENT;
import static org.corridor.identity.Role.COMPLIANCE_ANALYST;
import static org.corridor.identity.Role.COMPLIANCE_REVIEWER;
import static org.corridor.identity.Role.OPERATOR;
import static org.corridor.identity.Role.PAYER;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.corridor.audit.Actor;

/**
 * The one role matrix: which roles hold each permission. Read it as a table; every route and
 * command asks it, and a test walks every route against every role.
 */
public final class RoleMatrix {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

    private static final Map<Permission, Set<Role>> GRANTS = new EnumMap<>(Permission.class);

    static {
        grant(SELF_READ, EVERYONE);
        grant(USER_MANAGE, EnumSet.of(ADMIN));
        grant(AUDIT_READ, EnumSet.of(AUDITOR));
        // Authorisations: everyone who takes part in movements may see what covers them; only senior
        // compliance changes the register or the rules. ADMIN manages users, not compliance data.
        grant(
                AUTHORISATION_READ,
                EnumSet.of(
                        OPERATOR,
                        COMPLIANCE_ANALYST,
                        COMPLIANCE_REVIEWER,
                        APPROVER,
                        PAYER,
                        BENEFICIARY_AGENT,
                        AUDITOR));
        grant(AUTHORISATION_MANAGE, EnumSet.of(COMPLIANCE_REVIEWER));
        grant(RULES_MANAGE, EnumSet.of(COMPLIANCE_REVIEWER));
        grant(ELIGIBILITY_CHECK, EnumSet.of(OPERATOR, COMPLIANCE_ANALYST, COMPLIANCE_REVIEWER, BENEFICIARY_AGENT));
        grant(OWNERSHIP_READ, EnumSet.of(COMPLIANCE_ANALYST, COMPLIANCE_REVIEWER, OPERATOR, AUDITOR));
        grant(OWNERSHIP_MANAGE, EnumSet.of(COMPLIANCE_ANALYST, COMPLIANCE_REVIEWER));
        grant(VESSEL_SCREEN, EnumSet.of(COMPLIANCE_ANALYST, COMPLIANCE_REVIEWER, OPERATOR));
        grant(LEDGER_READ, EnumSet.of(OPERATOR, AUDITOR, COMPLIANCE_ANALYST, COMPLIANCE_REVIEWER, APPROVER));
        grant(LEDGER_WRITE, EnumSet.of(OPERATOR));
        // Settlement: the payer records its deposits; operations run the rest; auditors and
        // compliance read. Beneficiaries' agents see their requests elsewhere, not the books.
        grant(SETTLEMENT_READ, EnumSet.of(OPERATOR, PAYER, COMPLIANCE_ANALYST, COMPLIANCE_REVIEWER, APPROVER, AUDITOR));
        grant(RESTRICTED_ACCOUNT_MANAGE, EnumSet.of(OPERATOR));
        grant(CONTRACT_MANAGE, EnumSet.of(OPERATOR));
        grant(DELIVERY_RECORD, EnumSet.of(OPERATOR));
        grant(DEPOSIT_RECORD, EnumSet.of(PAYER));
        grant(CONVERSION_EXECUTE, EnumSet.of(OPERATOR));
        // Screening: those who handle parties and payments screen them; list versions are visible to
        // them, to auditors and to the administrator who keeps the lists current.
        grant(SCREENING_RUN, EnumSet.of(OPERATOR, COMPLIANCE_ANALYST, COMPLIANCE_REVIEWER, APPROVER));
        grant(LISTS_READ, EnumSet.of(ADMIN, OPERATOR, COMPLIANCE_ANALYST, COMPLIANCE_REVIEWER, APPROVER, AUDITOR));
        // A list that shrank is confirmed by whoever keeps the lists or answers for screening, and
        // never by its importer (Screening checks the person).
        grant(LISTS_CONFIRM, EnumSet.of(ADMIN, COMPLIANCE_REVIEWER));
        // Reports: whoever answers for the channel reads them; operations watch idle funds and
        // alerts. Legal holds are placed by senior compliance (and ADMIN, for counsel's requests).
        grant(REPORT_READ, EnumSet.of(ADMIN, OPERATOR, COMPLIANCE_ANALYST, COMPLIANCE_REVIEWER, APPROVER, AUDITOR));
        grant(RETENTION_MANAGE, EnumSet.of(ADMIN, COMPLIANCE_REVIEWER));
        // Releases: the beneficiary's agent submits; operations make and execute; approvers check;
        // compliance disposes of hits. Everyone in the flow, and auditors, may read requests.
        grant(
                RELEASE_READ,
                EnumSet.of(BENEFICIARY_AGENT, OPERATOR, COMPLIANCE_ANALYST, COMPLIANCE_REVIEWER, APPROVER, AUDITOR));
        grant(RELEASE_SUBMIT, EnumSet.of(BENEFICIARY_AGENT));
        grant(RELEASE_APPROVE, EnumSet.of(OPERATOR, APPROVER));
        grant(RELEASE_EXECUTE, EnumSet.of(OPERATOR));
        grant(RELEASE_FOLLOW_UP, EnumSet.of(OPERATOR, BENEFICIARY_AGENT));
        grant(HIT_READ, EnumSet.of(COMPLIANCE_ANALYST, COMPLIANCE_REVIEWER, APPROVER, AUDITOR));
        grant(HIT_DISPOSE, EnumSet.of(COMPLIANCE_ANALYST, COMPLIANCE_REVIEWER));
        // Escalated goods lines are compliance decisions too (Releases checks the person and four eyes).
        grant(RELEASE_LINE_RESOLVE, EnumSet.of(COMPLIANCE_ANALYST, COMPLIANCE_REVIEWER));
        // RPT-5 reports are filed by compliance, who decided the hits behind them (Releases checks the person).
        grant(REJECTION_REPORT_FILE, EnumSet.of(COMPLIANCE_ANALYST, COMPLIANCE_REVIEWER));
        // Bank messages: operations record what the correspondent says of payments (four eyes with
        // the executor, enforced in release); the payer's side brings its bank's credit notifications,
        // which become deposits exactly as the payer's own entries do.
        grant(PAYMENT_MESSAGE_IMPORT, EnumSet.of(OPERATOR, PAYER));
        grant(PAYMENT_STATUS_RECORD, EnumSet.of(OPERATOR));
        for (Permission permission : Permission.values()) {
            if (!GRANTS.containsKey(permission)) {
                throw new IllegalStateException("permission granted to no role: " + permission);
            }
        }
    }

    private RoleMatrix() {}

    private static void grant(Permission permission, Set<Role> roles) {
        GRANTS.put(permission, Set.copyOf(roles));
    }

    public static boolean allows(Role role, Permission permission) {
        return GRANTS.get(permission).contains(role);
    }

    /**
     * True when one of the roles {@code actor} acts in holds {@code permission}: the check the
     * services make where the permission depends on the data (a report, the hits of a request).
     */
    public static boolean allows(Actor actor, Permission permission) {
        for (String name : actor.roles()) {
            for (Role role : Role.values()) {
                if (role.name().equals(name) && allows(role, permission)) {
                    return true;
                }
            }
        }
        return false;
    }

    public static Set<Role> rolesWith(Permission permission) {
        return GRANTS.get(permission);
    }

    public static Set<Permission> permissionsOf(Role role) {
        Set<Permission> held = EnumSet.noneOf(Permission.class);
        GRANTS.forEach((permission, roles) -> {
            if (roles.contains(role)) {
                held.add(permission);
            }
        });
        return held;
    }
}
