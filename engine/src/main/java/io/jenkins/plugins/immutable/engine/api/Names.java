package io.jenkins.plugins.immutable.engine.api;

import java.util.regex.Pattern;

/** Names that end up in container names and file names: environments and applications. */
final class Names {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    private Names() {
    }

    static boolean valid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    static String expected() {
        return "expected 1 to 63 letters, digits, '_', '.' or '-', starting with a letter or digit";
    }
}
