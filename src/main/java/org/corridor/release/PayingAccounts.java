package org.corridor.release;

import org.corridor.InvalidInputException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.payments.Bic;
import org.corridor.payments.Iban;
import org.corridor.settlement.RestrictedAccount;
import org.corridor.settlement.Settlement;
import org.corridor.transaction.Transactions;

/** The bank's IBAN and BIC of each restricted account: the debtor of its payments. Thread-safe. */
final class PayingAccounts {

    private final Transactions transactions;
    private final ReleaseStore store;
    private final AuditLog audit;
    private final Settlement settlement;

    PayingAccounts(Transactions transactions, ReleaseStore store, AuditLog audit, Settlement settlement) {
        this.transactions = transactions;
        this.store = store;
        this.audit = audit;
        this.settlement = settlement;
    }

    /** Registers (or replaces) the bank details of a restricted account. */
    Releases.PayingAccountInput register(Actor by, Releases.PayingAccountInput input) {
        if (input == null) {
            throw new InvalidInputException("BODY_MISSING", "a paying account is required");
        }
        RestrictedAccount account = settlement.accounts().find(RequestChecks.text(input.account(), "account"));
        Iban iban = Iban.parse(RequestChecks.text(input.iban(), "iban"));
        Bic bic = Bic.parse(RequestChecks.text(input.bic(), "bic"));
        String name = RequestChecks.text(input.name(), "name");
        transactions.useTransaction(tx -> {
            store.savePayingAccount(tx, new ReleaseStore.PayingAccount(account.id(), iban.value(), bic.value(), name));
            audit.append(
                    tx,
                    AuditEvent.of(
                            by,
                            "RELEASE_PAYING_ACCOUNT_REGISTERED",
                            "restricted-account:" + account.name(),
                            CanonicalJson.fields("iban", iban.value(), "bic", bic.value(), "name", name),
                            CanonicalJson.fields("account_id", account.id().toString())));
        });
        return new Releases.PayingAccountInput(account.name(), iban.value(), bic.value(), name);
    }
}
