package org.corridor.db;

/**
 * The cheapest durable write: one small row inserted and committed in its own transaction. The
 * baseline that benchmarks of durable writes are measured against, in the same process.
 */
public final class CommitProbe {

    private final Database database;

    public CommitProbe(Database database) {
        this.database = database;
        database.jdbi()
                .useHandle(
                        handle -> handle.execute(
                                "create table if not exists bench_commit_probe (id bigserial primary key, payload text not null)"));
    }

    /** Inserts and commits one row; returns nothing, the caller times it. */
    public void commitOne(String payload) {
        database.jdbi()
                .useTransaction(
                        handle -> handle.execute("insert into bench_commit_probe (payload) values (?)", payload));
    }

    public void drop() {
        database.jdbi().useHandle(handle -> handle.execute("drop table if exists bench_commit_probe"));
    }
}
