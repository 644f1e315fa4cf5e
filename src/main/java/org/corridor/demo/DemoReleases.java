package org.corridor.demo;

import static org.corridor.demo.DemoClient.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Steps 4 to 7: DR-2024-0412 submitted, its hits reviewed, approved, held by the gap, executed. */
final class DemoReleases extends DemoStep {

    DemoReleases(DemoStep shared) {
        super(shared);
    }

    /** Step 4: the beneficiary's agent submits DR-2024-0412; eligibility splits it. Returns part A's id. */
    String request() {
        at("2024-07-05T11:00");
        JsonNode submitted = api.post(DemoUser.AGENT, "/api/v1/releases", DemoRequests.dr0412());
        JsonNode a = part(submitted, "DR-2024-0412-A");
        JsonNode b = part(submitted, "DR-2024-0412-B");
        JsonNode removed = a.get("removed").get(0);
        narrator.step(
                4,
                "DR-2024-0412 (PI-7781) "
                        + submitted.get("request").get("state").asText() + ": A EUR "
                        + amount(a.get("amount")) + " "
                        + a.get("state").asText() + " (line "
                        + removed.get("line").asText() + ": "
                        + group(new BigDecimal(removed.get("quantity").asText()))
                        + " pens for a " + removed.get("end_user_type").asText() + " end user removed, "
                        + removed.get("reason").asText() + "); B EUR "
                        + amount(b.get("amount")) + " "
                        + b.get("state").asText() + " " + b.get("reason").asText() + " (CT scanner)");
        return a.get("id").asText();
    }

    private static JsonNode part(JsonNode submission, String reference) {
        for (JsonNode part : submission.get("parts")) {
            if (part.get("reference").asText().equals(reference)) {
                return part;
            }
        }
        throw new IllegalStateException("the submission has no part " + reference + ": " + submission);
    }

    /** Step 5: the hits of DR-2024-0412-A and their dispositions, four eyes where they clear. */
    void review(String release) {
        at("2024-07-08T09:00");
        for (JsonNode hit :
                api.get(DemoUser.ANALYST, "/api/v1/releases/" + release).get("hits")) {
            String id = hit.get("id").asText();
            String role = hit.get("party_role").asText();
            String source = hit.get("source").asText();
            String party = hit.get("party_name").asText();
            if (source.equals("NAME")) {
                dispose(DemoUser.ANALYST, id, "FALSE_POSITIVE", "address, registration number and directors differ");
                dispose(
                        DemoUser.REVIEWER,
                        id,
                        "FALSE_POSITIVE",
                        "confirmed: a hospital supplier, not the listed trading house");
                narrator.step(
                        5,
                        role.toLowerCase(java.util.Locale.ROOT) + " \"" + party + "\" scored "
                                + hit.get("score").asText()
                                + " against " + hit.get("entity_key").asText() + " \""
                                + hit.get("entity_name").asText() + "\" "
                                + hit.get("programmes") + ": FALSE_POSITIVE by " + DemoUser.ANALYST.userName
                                + ", confirmed by "
                                + DemoUser.REVIEWER.userName);
            } else if (source.equals("OWNERSHIP")) {
                dispose(
                        DemoUser.ANALYST,
                        id,
                        "TRUE_MATCH",
                        "55% held by listed Entity X (30%) and Entity Y (25%): blocked by ownership");
                JsonNode rejection = api.get(DemoUser.AUDITOR, "/api/v1/releases/" + release)
                        .get("rejections")
                        .get(0);
                narrator.step(
                        5,
                        "forwarder \"" + party + "\" BLOCKED_BY_OWNERSHIP (30% + 25% held by listed entities): "
                                + "TRUE_MATCH, the vendor must appoint another; RPT-5 due "
                                + rejection.get("report_due_on").asText());
            } else if (source.equals("VESSEL")) {
                dispose(DemoUser.ANALYST, id, "ESCALATED", "41-hour AIS gap near a known ship-to-ship area");
                narrator.step(5, "vessel " + party + " escalated: " + String.join("; ", texts(hit.get("why"))));
            } else {
                throw new IllegalStateException(
                        "the demo did not expect a " + source + " hit on " + role + " " + party);
            }
        }
        JsonNode amended = api.post(
                DemoUser.AGENT,
                "/api/v1/releases/" + release + "/amendments",
                body(
                        "forwarder", body("name", "Rhine Freight Forwarding AG", "country", "CH"),
                        "shipment", DemoRequests.containerService(),
                        "note", "new forwarder; scheduled container service, new B/L data"));
        narrator.step(
                5,
                "amended: forwarder Rhine Freight Forwarding AG, container service Alpine Express (IMO 9321483);"
                        + " re-screened, " + amended.get("state").asText());
    }

    private void dispose(DemoUser who, String hit, String decision, String rationale) {
        api.post(who, "/api/v1/hits/" + hit + "/dispositions", body("decision", decision, "rationale", rationale));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** Step 6: the approval chain, and the Authority's no-objection of 2024-07-10. */
    void approvals(String release) {
        at("2024-07-08T10:12");
        approve(DemoUser.OPERATOR, release, "MAKER", null);
        at("2024-07-08T15:40");
        approve(DemoUser.APPROVER, release, "COMPLIANCE", null);
        at("2024-07-08T17:05");
        JsonNode signed = approve(DemoUser.SENIOR, release, "SENIOR_COMPLIANCE", null);
        narrator.step(
                6,
                "approved by the maker 10:12, the compliance checker 15:40 and senior compliance 17:05 (above "
                        + "EUR 1m); hold of EUR "
                        + amount(signed.get("amount")) + " on NIGC-EUR-R under "
                        + signed.get("hold_authorisation").asText() + "; prior approval asked of the Authority");
        at("2024-07-10T09:00");
        JsonNode approved = approve(DemoUser.AUTHORITY_DESK, release, "AUTHORITY", "AUTH-DSB-0412");
        narrator.step(
                6,
                "Authority's no-objection AUTH-DSB-0412 received 2024-07-10: "
                        + approved.get("state").asText());
    }

    private JsonNode approve(DemoUser who, String release, String step, String reference) {
        Map<String, Object> approval = body("step", step);
        if (reference != null) {
            approval.put("reference", reference);
        }
        return api.post(who, "/api/v1/releases/" + release + "/approvals", approval);
    }

    /** Step 7: execution on 2024-07-10 finds W-19 ended on 2024-07-08: the payment is held. */
    void heldByTheGap(String release) {
        at("2024-07-10T09:30");
        // Whoever took the maker step does not pay: the second operator schedules and executes.
        api.post(
                DemoUser.AUTHORITY_DESK, "/api/v1/releases/" + release + "/schedule", body("value_date", "2024-07-10"));
        JsonNode held = api.post(
                DemoUser.AUTHORITY_DESK, "/api/v1/releases/" + release + "/execute", body("value_date", "2024-07-10"));
        narrator.step(
                7,
                "execution on 2024-07-10: " + held.get("state").asText() + " / "
                        + held.get("reason").asText() + ", EUR "
                        + amount(held.get("amount")) + " held; nothing moved");
    }

    /** Step 7 (in part): W-20 is signed on 2024-07-16; the register computes the gap since W-19. */
    void renewal(String w19Id) {
        at("2024-07-16T09:30");
        api.post(
                DemoUser.REVIEWER,
                "/api/v1/authorisations/" + w19Id + "/renewals",
                DemoRequests.waiver("W-20", "2024-07-16", "2024-11-12"));
        JsonNode gap = api.get(DemoUser.AUDITOR, "/api/v1/authorisation-gaps").get(0);
        // Re-screening follows the lists (FR-21): a version imported since the screening of 07-08 would
        // have re-screened the open request against its delta.
        Instant screened = LocalDateTime.parse("2024-07-08T09:00").atZone(zone).toInstant();
        long newVersions = 0;
        for (JsonNode version :
                api.get(DemoUser.AUDITOR, "/api/v1/screening/lists").path("history")) {
            if (Instant.parse(version.path("imported_at").asText()).isAfter(screened)) {
                newVersions++;
            }
        }
        narrator.step(
                7,
                "2024-07-16: W-20 recorded (2024-07-16 to 2024-11-12); gap "
                        + gap.get("from").asText() + " to "
                        + gap.get("to").asText() + ", " + gap.get("days").asLong()
                        + " days; list versions since 07-08: "
                        + newVersions + ", so no new hits");
    }

    /** Step 7, 2024-07-17: executed under W-20, with its pacs.008. */
    void execution(String release) {
        at("2024-07-17T10:00");
        JsonNode executed = api.post(
                DemoUser.AUTHORITY_DESK, "/api/v1/releases/" + release + "/execute", body("value_date", "2024-07-17"));
        JsonNode execution = executed.get("execution");
        String reference = executed.get("reference").asText();
        payments.put(
                reference + ".pacs008.xml", api.getBytes(DemoUser.AUDITOR, "/api/v1/releases/" + release + "/pacs008"));
        figures.put("released_eur", executed.get("amount").get("amount").asText());
        List<String> followUps = new java.util.ArrayList<>();
        executed.get("follow_ups")
                .forEach(f -> followUps.add(f.get("kind")
                                .asText()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('_', ' ') + " by " + f.get("due_on").asText()));
        narrator.step(
                7,
                "2024-07-17: " + reference + " " + executed.get("state").asText() + ", EUR "
                        + amount(executed.get("amount"))
                        + " from NIGC-EUR-R to Alpenmed Pharma AG under "
                        + execution.get("authorisation").asText() + " and "
                        + execution.get("prior_approval").asText()
                        + "; pacs.008 " + execution.get("message_id").asText() + "; follow-ups: "
                        + String.join(", ", followUps));
    }
}
