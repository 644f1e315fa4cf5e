package org.corridor.demo;

import java.io.PrintStream;

/** The demo's narrative: one line per step, with the amounts Corridor answered. */
final class DemoNarrator {

    private final PrintStream out;

    DemoNarrator(PrintStream out) {
        this.out = out;
    }

    void step(int number, String text) {
        out.println("step " + number + "  " + text);
        out.flush();
    }

    void line(String text) {
        out.println("        " + text);
        out.flush();
    }
}
