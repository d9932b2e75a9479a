package io.jenkins.plugins.immutable.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --output text|json}. */
public enum OutputFormat {
    TEXT,
    JSON;

    /** Case-insensitive, with a message that says what is expected (picocli's own lists enum constants). */
    static final class Converter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "text" -> TEXT;
                case "json" -> JSON;
                default -> throw new TypeConversionException("'" + value + "' is not an output format: expected text or json");
            };
        }
    }
}
