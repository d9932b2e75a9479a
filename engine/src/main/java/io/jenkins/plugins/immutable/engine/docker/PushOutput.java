package io.jenkins.plugins.immutable.engine.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PushResponseItem;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Collects a push's digest (from its aux message) and error, logging each layer's status once per change. */
final class PushOutput extends ResultCallback.Adapter<PushResponseItem> {

    private final Consumer<String> log;
    private final Map<String, String> lastStatus = new HashMap<>();
    private volatile String digest;
    private volatile String error;

    PushOutput(Consumer<String> log) {
        this.log = log;
    }

    @Override
    public void onNext(PushResponseItem item) {
        if (item.getAux() != null && item.getAux().getDigest() != null) {
            digest = item.getAux().getDigest();
        }
        if (item.isErrorIndicated()) {
            error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                    ? item.getErrorDetail().getMessage() : item.getError();
            return;
        }
        String status = item.getStatus();
        if (status == null) {
            return;
        }
        // Progress bars repeat the same status hundreds of times; a person needs each change once.
        String key = item.getId() == null ? "" : item.getId();
        if (!status.equals(lastStatus.put(key, status))) {
            log.accept(key.isEmpty() ? status : key + ": " + status);
        }
    }

    String digest() {
        return digest;
    }

    String error() {
        return error;
    }
}
