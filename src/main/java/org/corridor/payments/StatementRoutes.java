package org.corridor.payments;

import io.javalin.http.Context;
import java.time.LocalDate;
import org.corridor.InvalidInputException;
import org.corridor.http.Api;
import org.corridor.http.Requests;
import org.corridor.http.Routes;
import org.corridor.identity.Permission;

/** A restricted account's camt.053 end-of-day statements over HTTP, as a file to keep. */
public final class StatementRoutes implements Routes {

    private final Statements statements;

    public StatementRoutes(Statements statements) {
        this.statements = statements;
    }

    @Override
    public void register(Api api) {
        api.get("/api/v1/restricted-accounts/{id}/camt053")
                .requires(Permission.SETTLEMENT_READ)
                .tag("payments")
                .summary("The account's ISO 20022 camt.053.001.08 statements for a range of business days: one"
                        + " statement per day with its opening and closing booked balances (the ledger's) and one"
                        + " entry per movement, referring to the deposit, conversion or release behind it")
                .requiredQuery("from", "the first business day, YYYY-MM-DD")
                .requiredQuery("to", "the last business day, YYYY-MM-DD, at most 366 days later and not after today")
                .produces("application/xml")
                .handle(this::camt053);
    }

    private void camt053(Context ctx) {
        LocalDate from = required(ctx, "from");
        LocalDate to = required(ctx, "to");
        String account = ctx.pathParam("id");
        String xml = statements.camt053(account, from, to);
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(account, from, to) + "\"");
        ctx.contentType("application/xml").result(xml);
    }

    private static LocalDate required(Context ctx, String name) {
        return Requests.dateQuery(ctx, name)
                .orElseThrow(() -> new InvalidInputException("PARAMETER_MISSING", name + " is required (YYYY-MM-DD)"));
    }

    /** The file name a statement is saved under: the account, the range and the message. */
    public static String fileName(String account, LocalDate from, LocalDate to) {
        return account.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + from + "-" + to + ".camt053.xml";
    }
}
