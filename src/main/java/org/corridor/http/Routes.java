package org.corridor.http;

/** A feature's HTTP routes; the server only assembles them. */
public interface Routes {

    void register(Api api);
}
