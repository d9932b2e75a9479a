package io.jenkins.plugins.immutable.engine.api;

/**
 * A release as the ledger stored it, for a listing that copies it rather than reading it: each field's JSON string
 * value, still escaped, as a range of UTF-8 bytes. Listing 100,000 releases this way parses, decodes and re-escapes
 * nothing per release.
 *
 * <p>The bytes are JSON text written by the engine's JSON mapping, whose escaping is Jackson's default (quotes,
 * backslashes and control characters escaped; any other character as UTF-8), the same as a Jackson generator's: a
 * range copied between quotes is the string a generator would write for the value. (A byte generator escapes a
 * character beyond the Basic Multilingual Plane as a surrogate pair; a release holding one is therefore never handed
 * over this way, but as a record.) The object is reused from one release to the next: read it during the call that
 * hands it over, never later.
 */
public interface StoredRelease {

    /** The fields of {@link Release}, and the image digest that its {@code ref} ends with. */
    enum Field { ID, APP, REF, DIGEST, INPUT_DIGEST, SOURCE_URI, SOURCE_REVISION, CREATED, BUILDER_ID }

    /** The text the ranges are in. */
    byte[] utf8();

    /** Where the field's escaped value starts in {@link #utf8()} (after its opening quote). */
    int start(Field field);

    /** The byte length of the field's escaped value, or -1 when the field is null. */
    int length(Field field);

    /** The release id, as text. */
    String id();
}
