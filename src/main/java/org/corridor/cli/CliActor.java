package org.corridor.cli;

import org.corridor.audit.Actor;

/** The actor the audit trail records for commands run at the console: the local operating-system user. */
final class CliActor {

    private CliActor() {}

    static Actor current() {
        return new Actor("cli:" + System.getProperty("user.name", "unknown"), "LOCAL_ADMIN");
    }
}
