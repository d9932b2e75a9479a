package io.jenkins.plugins.immutable.engine.ledger;

import java.util.Optional;

/**
 * What the last read of the journal found besides the records.
 *
 * @param records      the records read (header excluded)
 * @param unknownTypes lines of record types this version does not know (written by a newer one), skipped
 * @param tornTail     the incomplete last line, if there is one
 */
public record JournalStatus(long records, long unknownTypes, Optional<TornTail> tornTail) {
}
