package io.jenkins.plugins.immutable.engine.api;

import java.util.Locale;

/** The two slots of a blue/green environment. */
public enum Colour {
    BLUE,
    GREEN;

    public Colour other() {
        return this == BLUE ? GREEN : BLUE;
    }

    /** The name used for HAProxy servers, container names and output: {@code blue}, {@code green}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Colour parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
