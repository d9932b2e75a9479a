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

    /**
     * The counters of each server of {@code backend}, by server name ({@code show stat}'s columns hrsp_1xx … hrsp_other,
     * eresp, econ, rtime; an empty field reads as 0).
     *
     * @throws IllegalArgumentException when the text is not that CSV or lacks one of those columns
     */
    static Map<String, ServerCounters> counters(String csv, String backend) {
        String[] lines = csv.strip().split("\r?\n");
        if (lines.length == 0 || !lines[0].startsWith("# ")) {
            throw new IllegalArgumentException("expected a header line starting with '# pxname', found '" + lines[0] + "'");
        }
        List<String> header = fields(lines[0].substring(2));
        int pxname = indexOf(header, "pxname");
        int svname = indexOf(header, "svname");
        String[] names = {"hrsp_1xx", "hrsp_2xx", "hrsp_3xx", "hrsp_4xx", "hrsp_5xx", "hrsp_other", "eresp", "econ", "rtime"};
        int[] columns = new int[names.length];
        for (int c = 0; c < names.length; c++) {
            columns[c] = indexOf(header, names[c]);
        }
        Map<String, ServerCounters> counters = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> row = fields(lines[i]);
            String server = row.size() > svname ? row.get(svname) : "";
            if (!row.get(pxname).equals(backend) || server.equals("BACKEND") || server.equals("FRONTEND")) {
                continue;
            }
            long[] v = new long[names.length];
            for (int c = 0; c < names.length; c++) {
                if (row.size() <= columns[c]) {
                    throw new IllegalArgumentException("line " + (i + 1) + " has only " + row.size() + " fields: '" + lines[i] + "'");
                }
                v[c] = parseLong(names[c], row.get(columns[c]), lines[i]);
            }
            counters.put(server, new ServerCounters(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]));
        }
        return counters;
    }

    private static long parseLong(String column, String value, String line) {
        try {
            return value.isEmpty() ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + value + "' is not a number in '" + line + "'", e);
        }
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
