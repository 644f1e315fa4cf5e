package org.corridor.ledger;

/** The outcome of creating one account, in precedence order: the first that applies is given. */
public enum AccountResult {
    OK,
    ID_MUST_NOT_BE_ZERO,
    HOLDER_INVALID,
    FLAGS_ARE_MUTUALLY_EXCLUSIVE,
    FLAG_NOT_ALLOWED_AT_CREATION,
    EXISTS_WITH_DIFFERENT_LEDGER,
    EXISTS_WITH_DIFFERENT_CODE,
    EXISTS_WITH_DIFFERENT_HOLDER,
    EXISTS_WITH_DIFFERENT_FLAGS,
    EXISTS;

    /** True when the account now exists as asked. */
    public boolean succeeded() {
        return this == OK || this == EXISTS;
    }
}
