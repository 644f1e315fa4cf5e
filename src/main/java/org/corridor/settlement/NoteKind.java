package org.corridor.settlement;

/** An adjustment of an invoice after a dispute: a credit note lowers what is owed, a debit note raises it. */
public enum NoteKind {
    CREDIT,
    DEBIT
}
