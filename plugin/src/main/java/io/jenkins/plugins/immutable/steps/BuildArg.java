package io.jenkins.plugins.immutable.steps;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * One {@code --build-arg NAME=value} of {@code immutableBuild}: the describable form of {@code buildArgs}
 * ({@code buildArgs: [[name: 'VERSION', value: '1.2']]}), which the Snippet Generator and the Steps Reference can
 * show. Scripts may keep the map form ({@code buildArgs: [VERSION: '1.2']}); {@link #scriptArguments} turns it into this.
 */
public final class BuildArg extends AbstractDescribableImpl<BuildArg> {

    private final String name;
    private final String value;

    @DataBoundConstructor
    public BuildArg(String name, String value) {
        this.name = name == null ? "" : name.strip();
        this.value = value == null ? "" : value;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    /**
     * The step's named arguments with a map-valued {@code buildArgs} as a list of {@code [name:, value:]} entries.
     * Values as Pipeline passes them (GStrings, numbers) become text; a {@code null} value is the empty string.
     */
    static Map<String, Object> scriptArguments(Map<String, Object> arguments) {
        if (!(arguments.get("buildArgs") instanceof Map<?, ?> map)) {
            return arguments;
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        map.forEach((k, v) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", String.valueOf(k));
            entry.put("value", v == null ? "" : v.toString());
            entries.add(entry);
        });
        Map<String, Object> copy = new LinkedHashMap<>(arguments);
        copy.put("buildArgs", entries);
        return copy;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<BuildArg> {

        @Override
        public String getDisplayName() {
            return "Build argument";
        }
    }
}
