package org.corridor.release;

import org.corridor.http.Api;
import org.corridor.http.Routes;
import org.corridor.identity.Permission;

/** Bank messages over HTTP: import a pacs.002, pacs.004 or camt.054; read a release's payment messages. */
public final class PaymentMessageRoutes implements Routes {

    private final PaymentMessages messages;

    public PaymentMessageRoutes(PaymentMessages messages) {
        this.messages = messages;
    }

    @Override
    public void register(Api api) {
        api.post("/api/v1/payment-messages")
                .requires(Permission.PAYMENT_MESSAGE_IMPORT)
                .tag("payments")
                .summary("Import a bank message as XML (Content-Type application/xml): a pacs.002 status report or"
                        + " pacs.004 return of a paid release (PAYMENT_STATUS_RECORD), or a camt.054 credit"
                        + " notification (DEPOSIT_RECORD); 201 with what each item did, 200 when the same message"
                        + " came before (nothing applied twice)")
                .response(PaymentMessageImport.class)
                .status(201)
                .handle(ctx -> {
                    PaymentMessageImport result = messages.importMessage(Api.actor(ctx), ctx.body());
                    ctx.status(result.repeated() ? 200 : 201).json(result);
                });
        api.get("/api/v1/releases/{id}/payment")
                .requires(Permission.RELEASE_READ)
                .tag("payments")
                .summary("A release's payment: its pacs.008 and every status report and return that came back, with"
                        + " the state each one left it in")
                .response(ReleasePayment.class)
                .handle(ctx -> ctx.json(messages.payment(ctx.pathParam("id"))));
    }
}
