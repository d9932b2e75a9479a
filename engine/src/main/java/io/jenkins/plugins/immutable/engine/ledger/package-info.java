/**
 * The ledger: the engine's memory on disk, in a state folder ({@code --state DIR}, default {@code .immutable/}).
 *
 * <pre>
 * .immutable/
 *   journal.jsonl                    append-only history: a header line, then one JSON record per line
 *   journal.lock                     serialises appends across threads and processes (never deleted)
 *   journal.torn-&lt;time&gt;             an interrupted write's fragment, set aside by the next append
 *   environments/&lt;env&gt;.json          per-environment state, replaced atomically
 *   locks/&lt;env&gt;.lock                 held (OS file lock) for the whole of an operation on the environment
 *   provenance/&lt;releaseId&gt;.intoto.json  each release's provenance statement
 * </pre>
 *
 * <p>The standard is "nothing lost": a crash or {@code kill -9} at any instant leaves every file readable, either
 * as it was or as it became. {@link io.jenkins.plugins.immutable.engine.ledger.Ledger} is the only entry point the
 * other stages need.
 *
 * <p>Depends on: {@code engine.api}, Jackson (databind, jsr310), the JDK. Nothing depends on it but the engine's
 * stages; the {@code api} package stays free of Jackson, which is why the JSON forms of its values are declared
 * here ({@code LedgerJson}).
 */
package io.jenkins.plugins.immutable.engine.ledger;
