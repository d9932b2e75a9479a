package io.jenkins.plugins.immutable.engine.ledger;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads the instants the ledger writes ({@code 2025-05-01T10:00:00.123Z}: UTC, 0 to 9 fraction digits) without
 * {@code DateTimeFormatter}, whose general machinery was the largest single cost of loading a big journal. Anything
 * else ISO-8601 (an offset, say, from a hand-edited file) takes the general path.
 */
final class IsoInstants {

    private IsoInstants() {
    }

    static Instant parse(String text) {
        Instant fast = parseUtc(text);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or {@code null} when the text has another form. */
    private static Instant parseUtc(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int nanos = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n == 21) {
                return null;
            }
            nanos = digits(s, 20, n - 1);
            for (int i = n - 1 - 20; i < 9; i++) {
                nanos *= 10;
            }
        } else if (s.charAt(19) != 'Z') {
            return null;
        }
        if ((year | month | day | hour | minute | second | nanos) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            return null; // 2025-02-30 and the like: let the general parser say what is wrong
        }
    }

    /** The decimal number in {@code s[from, to)}, or {@code -1} when a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
