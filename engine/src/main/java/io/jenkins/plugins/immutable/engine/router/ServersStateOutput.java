package io.jenkins.plugins.immutable.engine.router;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the output of {@code show servers state [<backend>]} (management guide 9.3): a line with the format version
 * ({@code 1} in 2.6), a line of column names after {@code #}, then one space-separated line per server; further
 * lines starting with {@code #} are comments. Columns are found by name, not position, so a later version that adds
 * columns still reads.
 */
final class ServersStateOutput {

    /** The columns the router needs from the 25 that version 1 documents. */
    private static final List<String> NEEDED = List.of("be_name", "srv_name", "srv_addr", "srv_op_state", "srv_admin_state",
            "srv_port");

    /** One server's line. */
    record Row(String server, String address, int port, OperationalState operational, AdminState admin) {
    }

    private ServersStateOutput() {
    }

    /**
     * The servers of {@code backend}, by name, in the order HAProxy lists them.
     *
     * @throws IllegalArgumentException when the text is not that output, saying what was wrong
     */
    static Map<String, Row> parse(String text, String backend) {
        String[] lines = text.strip().split("\r?\n");
        if (lines.length < 2 || !lines[0].strip().equals("1")) {
            throw new IllegalArgumentException("expected the format version 1 on the first line, found '"
                    + firstLine(text) + "'");
        }
        if (!lines[1].startsWith("#")) {
            throw new IllegalArgumentException("expected the column names after '#' on the second line, found '"
                    + lines[1] + "'");
        }
        List<String> columns = Arrays.asList(lines[1].substring(1).strip().split("\\s+"));
        for (String needed : NEEDED) {
            if (!columns.contains(needed)) {
                throw new IllegalArgumentException("the column " + needed + " is missing from '" + lines[1] + "'");
            }
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (int i = 2; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] values = line.split("\\s+");
            if (values.length != columns.size()) {
                throw new IllegalArgumentException("line " + (i + 1) + " has " + values.length + " values for "
                        + columns.size() + " columns: '" + line + "'");
            }
            if (values[columns.indexOf("be_name")].equals(backend)) {
                Row row = row(columns, values, line);
                rows.put(row.server(), row);
            }
        }
        return rows;
    }

    private static Row row(List<String> columns, String[] values, String line) {
        try {
            return new Row(values[columns.indexOf("srv_name")], values[columns.indexOf("srv_addr")],
                    Integer.parseInt(values[columns.indexOf("srv_port")]),
                    OperationalState.fromCode(Integer.parseInt(values[columns.indexOf("srv_op_state")])),
                    AdminState.fromMask(Integer.parseInt(values[columns.indexOf("srv_admin_state")])));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read '" + line + "': " + e.getMessage(), e);
        }
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int end = stripped.indexOf('\n');
        return end < 0 ? stripped : stripped.substring(0, end);
    }

    /**
     * Each server's current weight ({@code srv_uweight}, what {@code set weight} changes) in {@code backend}, by name.
     * Read apart from {@link #parse} so the switch path does not depend on the column.
     *
     * @throws IllegalArgumentException when the text is not that output or lacks the column
     */
    static Map<String, Integer> weights(String text, String backend) {
        parse(text, backend);
        String[] lines = text.strip().split("\r?\n");
        List<String> columns = Arrays.asList(lines[1].substring(1).strip().split("\\s+"));
        if (!columns.contains("srv_uweight")) {
            throw new IllegalArgumentException("the column srv_uweight is missing from '" + lines[1] + "'");
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (int i = 2; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] values = line.split("\\s+");
            if (values[columns.indexOf("be_name")].equals(backend)) {
                weights.put(values[columns.indexOf("srv_name")], Integer.parseInt(values[columns.indexOf("srv_uweight")]));
            }
        }
        return weights;
    }
}
