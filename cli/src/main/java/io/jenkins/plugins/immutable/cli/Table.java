package io.jenkins.plugins.immutable.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Columns aligned for reading, two spaces apart; {@code null} shows as {@code -}. */
final class Table {

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    Table(String... headers) {
        this.columns = headers.length;
        rows.add(headers);
    }

    Table row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
            row[i] = cells[i] == null || cells[i].toString().isEmpty() ? "-" : cells[i].toString();
        }
        rows.add(row);
        return this;
    }

    void print(PrintStream out) {
        print(out, 0);
    }

    /** Key/value lists: the same alignment, no header line. */
    void printWithoutHeader(PrintStream out) {
        print(out, 1);
    }

    private void print(PrintStream out, int firstRow) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows.subList(firstRow, rows.size())) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
