package io.jenkins.plugins.immutable.engine.ledger;

import java.nio.file.Path;

/**
 * An incomplete last line of the journal: what a crash (or a kill) in the middle of an append leaves, or an append
 * still being written while the journal was read. Reading skips it; the next append moves it to a side file.
 *
 * @param journal the journal file
 * @param line    its line number (1 is the header)
 * @param offset  where it starts in the file
 * @param length  how many bytes it has
 * @param reason  why it does not count as a record (no line end, or why it does not parse)
 */
public record TornTail(Path journal, long line, long offset, long length, String reason) {

    /** One line for a person. */
    public String describe() {
        return journal + " ends with an incomplete line " + line + " (" + length + " bytes: " + reason + "), left by an"
                + " interrupted write (or one still in progress); it was skipped, and the next record written sets it aside"
                + " in a side file";
    }
}
