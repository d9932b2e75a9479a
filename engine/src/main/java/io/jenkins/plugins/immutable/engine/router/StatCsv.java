package io.jenkins.plugins.immutable.engine.router;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the CSV of {@code show stat} (management guide 9.1): a header line {@code # pxname,svname,…}, then one line
 * per frontend, listener, server and backend, comma-separated, a field in double quotes only when it holds a comma
 * or a quote (a quote doubled inside). Only the servers' current sessions ({@code scur}) are kept.
 */
final class StatCsv {

    private StatCsv() {
    }

    /**
     * The current sessions of each server of {@code backend}, by server name.
     *
     * @throws IllegalArgumentException when the text is not that CSV, saying what was wrong
     */
    static Map<String, Integer> currentSessions(String csv, String backend) {
        String[] lines = csv.strip().split("\r?\n");
        if (lines.length == 0 || !lines[0].startsWith("# ")) {
            throw new IllegalArgumentException("expected a header line starting with '# pxname', found '" + lines[0] + "'");
        }
        List<String> header = fields(lines[0].substring(2));
        int pxname = indexOf(header, "pxname");
        int svname = indexOf(header, "svname");
        int scur = indexOf(header, "scur");
        Map<String, Integer> sessions = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> row = fields(lines[i]);
            if (row.size() <= scur) {
                throw new IllegalArgumentException("line " + (i + 1) + " has only " + row.size() + " fields: '" + lines[i] + "'");
            }
            String server = row.get(svname);
            if (row.get(pxname).equals(backend) && !server.equals("BACKEND") && !server.equals("FRONTEND")) {
                sessions.put(server, parseCount(row.get(scur), lines[i]));
            }
        }
        return sessions;
    }

    private static int indexOf(List<String> header, String column) {
        int index = header.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("the header has no column " + column);
        }
        return index;
    }

    private static int parseCount(String value, String line) {
        try {
            return value.isEmpty() ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scur '" + value + "' is not a number in '" + line + "'", e);
        }
    }

    /** Splits one CSV line; quoted fields may hold commas and doubled quotes. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
