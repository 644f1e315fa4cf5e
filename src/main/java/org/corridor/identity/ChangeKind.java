package org.corridor.identity;

/** The changes of identity that wait for a second ADMIN's confirmation. */
public enum ChangeKind {
    CREATE_USER,
    GRANT_ROLE,
    REMOVE_ROLE,
    BIND_HOLDER,
    UNBIND_HOLDER,
    REISSUE_ACCESS,
    ENABLE_USER;

    /** True for the changes that end in an enrolment code (the user needs new access). */
    public boolean issuesAccess() {
        return this == CREATE_USER || this == REISSUE_ACCESS || this == ENABLE_USER;
    }
}
