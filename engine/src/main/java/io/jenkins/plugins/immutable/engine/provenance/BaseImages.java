package io.jenkins.plugins.immutable.engine.provenance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images a Dockerfile builds {@code FROM}, as the builder resolves them: {@code ARG}s declared before the first
 * {@code FROM} (overridden by build args) are substituted, {@code scratch} and earlier stages ({@code AS name}) are not
 * images.
 */
public final class BaseImages {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+]([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private BaseImages() {
    }

    /** The external base images, in order of appearance, without duplicates. */
    public static List<String> of(String dockerfile, Map<String, String> buildArgs) {
        Map<String, String> globalArgs = new HashMap<>();
        Set<String> stages = new HashSet<>();
        List<String> images = new ArrayList<>();
        boolean seenFrom = false;
        for (String line : logicalLines(dockerfile)) {
            String[] words = line.strip().split("\\s+");
            if (words.length < 2) {
                continue;
            }
            String instruction = words[0].toUpperCase(Locale.ROOT);
            if (instruction.equals("ARG") && !seenFrom) {
                String decl = words[1];
                int eq = decl.indexOf('=');
                String name = eq < 0 ? decl : decl.substring(0, eq);
                String value = buildArgs.containsKey(name) ? buildArgs.get(name) : eq < 0 ? "" : unquote(decl.substring(eq + 1));
                globalArgs.put(name, value);
            } else if (instruction.equals("FROM")) {
                seenFrom = true;
                int i = 1;
                while (i < words.length && words[i].startsWith("--")) {
                    i++;
                }
                if (i >= words.length) {
                    continue;
                }
                String image = substitute(words[i], globalArgs);
                boolean isEarlierStage = stages.contains(image.toLowerCase(Locale.ROOT));
                if (i + 2 < words.length && words[i + 1].equalsIgnoreCase("AS")) {
                    stages.add(words[i + 2].toLowerCase(Locale.ROOT));
                }
                if (!image.equalsIgnoreCase("scratch") && !isEarlierStage && !images.contains(image)) {
                    images.add(image);
                }
            }
        }
        return images;
    }

    private static List<String> logicalLines(String dockerfile) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : dockerfile.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("#") && current.length() == 0) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
            } else {
                current.append(line);
                lines.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            lines.add(current.toString());
        }
        return lines;
    }

    private static String substitute(String word, Map<String, String> args) {
        Matcher m = VARIABLE.matcher(word);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(3);
            String value = args.get(name);
            if ((value == null || value.isEmpty()) && m.group(2) != null) {
                value = m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
