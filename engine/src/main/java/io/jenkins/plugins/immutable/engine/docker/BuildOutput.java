package io.jenkins.plugins.immutable.engine.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.util.function.Consumer;

/**
 * Streams a classic-builder build's output line by line and remembers the step that was running, so a failure can
 * name it ("Step 3/5 : RUN make").
 */
final class BuildOutput extends ResultCallback.Adapter<BuildResponseItem> {

    private final Consumer<String> log;
    private final StringBuilder partial = new StringBuilder();
    private volatile String currentStep;
    private volatile String error;
    private volatile String imageId;

    BuildOutput(Consumer<String> log) {
        this.log = log;
    }

    @Override
    public void onNext(BuildResponseItem item) {
        if (item.getStream() != null) {
            emit(item.getStream());
        }
        if (item.isErrorIndicated()) {
            error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                    ? item.getErrorDetail().getMessage() : item.getError();
        }
        if (item.isBuildSuccessIndicated()) {
            imageId = item.getImageId();
        }
    }

    private void emit(String chunk) {
        partial.append(chunk);
        int nl;
        while ((nl = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, nl).stripTrailing();
            partial.delete(0, nl + 1);
            if (line.startsWith("Step ")) {
                currentStep = line;
            }
            if (!line.isEmpty()) {
                log.accept(line);
            }
        }
    }

    String currentStep() {
        return currentStep;
    }

    String error() {
        return error;
    }

    String imageId() {
        return imageId;
    }
}
