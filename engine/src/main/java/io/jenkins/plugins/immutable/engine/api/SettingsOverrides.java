package io.jenkins.plugins.immutable.engine.api;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The environment settings a deploy was given; {@code null} fields keep the stored (or default) value. */
public record SettingsOverrides(String app, String dockerHost, Integer containerPort, String healthPath, Duration healthTimeout,
        Path haproxySocket, String haproxyBackend, Boolean manualPromotion, Duration keepPrevious, Boolean readOnly, List<String> writablePaths,
        Boolean requireSignature, String publicKey) implements Serializable {

    public static final SettingsOverrides NONE = new SettingsOverrides(null, null, null, null, null, null, null, null, null, null,
            null);

    public SettingsOverrides {
        writablePaths = writablePaths == null ? null : List.copyOf(writablePaths);
    }

    /** Overrides that leave the signature policy as stored. */
    public SettingsOverrides(String app, String dockerHost, Integer containerPort, String healthPath, Duration healthTimeout,
            Path haproxySocket, String haproxyBackend, Boolean manualPromotion, Duration keepPrevious, Boolean readOnly,
            List<String> writablePaths) {
        this(app, dockerHost, containerPort, healthPath, healthTimeout, haproxySocket, haproxyBackend, manualPromotion,
                keepPrevious, readOnly, writablePaths, null, null);
    }
}
