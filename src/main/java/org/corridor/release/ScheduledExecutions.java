package org.corridor.release;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.corridor.DomainException;
import org.corridor.ForbiddenException;
import org.corridor.audit.Actor;
import org.corridor.identity.Permission;
import org.corridor.identity.User;
import org.corridor.identity.Users;
import org.corridor.transaction.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The releases' timed work, run as the ledger runs hold expiry: executions whose value date has come
 * (each for the person who scheduled it, checked again on the day as theirs), and holds asked again
 * for requests held for funds or a cap ({@link HoldRetries}). One pass is {@link #runDue()}; a
 * running server calls it with the rest of its timed work ({@code app.TimedWork}). Thread-safe.
 */
public final class ScheduledExecutions {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledExecutions.class);

    private final Transactions transactions;
    private final ScheduleStore schedules;
    private final Executions executions;
    private final HoldRetries retries;
    private final LicensedParts licensedParts;
    private final Users users;
    private final ReleaseClock clock;

    ScheduledExecutions(
            Transactions transactions,
            ScheduleStore schedules,
            Executions executions,
            HoldRetries retries,
            LicensedParts licensedParts,
            Users users,
            ReleaseClock clock) {
        this.transactions = transactions;
        this.schedules = schedules;
        this.executions = executions;
        this.retries = retries;
        this.licensedParts = licensedParts;
        this.users = users;
        this.clock = clock;
    }

    /**
     * One pass: every request SCHEDULED for today or before is executed (or held, with its reason),
     * then holds are asked again and parts held for a licence re-checked. Returns the number of scheduled executions run.
     */
    public int runDue() {
        LocalDate today = clock.today();
        List<ScheduleStore.Schedule> due = transactions.read(tx -> schedules.due(tx, today));
        for (ScheduleStore.Schedule schedule : due) {
            try {
                runOne(schedule, today);
            } catch (DomainException e) {
                // The request stays where the refusal left it; the next pass sees it again.
                LOG.warn("scheduled execution of {} refused: {} {}", schedule.id(), e.code(), e.getMessage());
            }
        }
        retries.retry();
        licensedParts.resume();
        return due.size();
    }

    private void runOne(ScheduleStore.Schedule schedule, LocalDate today) {
        if (schedule.on().isBefore(today)) {
            // Money moves on its value date or not at all: a day missed goes back to a person.
            executions.hold(
                    Actor.SYSTEM,
                    schedule.id(),
                    ReleaseReason.VALUE_DATE_MISSED.name(),
                    "scheduled for " + schedule.on() + ", not run until " + today);
            return;
        }
        Optional<User> scheduler =
                users.find(schedule.by()).filter(user -> !user.disabled() && user.may(Permission.RELEASE_EXECUTE));
        if (scheduler.isEmpty()) {
            executions.hold(
                    Actor.SYSTEM,
                    schedule.id(),
                    ReleaseReason.SCHEDULER_NOT_AUTHORISED.name(),
                    schedule.by() + " scheduled it and may no longer execute it");
            return;
        }
        try {
            executions.execute(scheduler.get().actor(), schedule.id(), schedule.on());
        } catch (ForbiddenException e) {
            // The four-eyes checks refuse them now: the request waits for another person.
            executions.hold(
                    Actor.SYSTEM,
                    schedule.id(),
                    ReleaseReason.SCHEDULER_NOT_AUTHORISED.name(),
                    e.code() + ": " + e.getMessage());
        }
    }
}
