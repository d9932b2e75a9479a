/**
 * The ledger: the engine's memory, in a database. By default {@code ledger.db} (SQLite) in a state folder
 * ({@code --state DIR}, default {@code .immutable/}); when shared, a PostgreSQL database
 * ({@code --state postgresql://HOST:PORT/DB?user=U}).
 *
 * <pre>
 * .immutable/
 *   ledger.db, ledger.db-wal, -shm   releases, deployments, intents, environments, provenance, leases, schema_version
 *   locks/&lt;env&gt;.lock                 held (OS file lock) for the whole of an operation on the environment
 *   journal.jsonl, environments/, provenance/   written before the database: imported once, then left alone
 * </pre>
 *
 * <p>The standard is "nothing lost": a record is committed durably before the call returns, and a crash or
 * {@code kill -9} at any instant leaves the database as it was before the transaction or after it.
 * {@link io.jenkins.plugins.immutable.engine.ledger.Ledger} is the only entry point the other stages need.
 *
 * <p>Depends on: {@code engine.api}, Jackson (databind, jsr310), the JDK ({@code java.sql}); the SQLite and PostgreSQL
 * drivers are found by their JDBC URLs, never imported. The {@code api} package stays free of Jackson, which is why the
 * JSON forms of its values are declared here ({@code LedgerJson}).
 */
package io.jenkins.plugins.immutable.engine.ledger;
