package io.jenkins.plugins.immutable.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.jenkins.plugins.immutable.record.ReleaseAction;
import io.jenkins.plugins.immutable.releases.JobReleasesAction;
import io.jenkins.plugins.immutable.steps.ImmutableBuildStep;
import io.jenkins.plugins.immutable.steps.ImmutableDeployStep;
import io.jenkins.plugins.immutable.steps.ImmutablePromoteStep;
import io.jenkins.plugins.immutable.steps.ImmutableRollbackStep;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.xml.sax.InputSource;

/**
 * The resources Jenkins renders: every Jelly view is well-formed XML, and every step parameter has its help file and
 * its form field, so the Snippet Generator documents and offers it.
 */
class ResourcesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern FIELD = Pattern.compile("field=\"([^\"]+)\"");
    /** Every parameter has its form field (buildArgs too: a repeatable list of name/value entries). */
    private static final Set<String> NOT_IN_FORMS = Set.of();

    static Stream<Class<?>> steps() {
        return Stream.of(ImmutableBuildStep.class, ImmutableDeployStep.class, ImmutablePromoteStep.class, ImmutableRollbackStep.class,
                io.jenkins.plugins.immutable.steps.ImmutableDriftCheckStep.class);
    }

    static List<Path> jellyFiles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(f -> f.toString().endsWith(".jelly")).sorted().toList();
        }
    }

    @Test
    void thereAreJellyViewsToCheck() throws IOException {
        assertThat(jellyFiles()).hasSizeGreaterThanOrEqualTo(8);
    }

    @ParameterizedTest
    @MethodSource("jellyFiles")
    void everyJellyFileIsWellFormedXmlEscapingByDefault(Path jelly) throws IOException {
        assertWellFormed(jelly);
        assertThat(Files.readString(jelly)).startsWith("<?jelly escape-by-default='true'?>");
    }

    @Test
    void thePluginDescriptionAndTheActionViewsExist() {
        assertThat(RESOURCES.resolve("index.jelly")).isRegularFile();
        assertThat(folderOf(ReleaseAction.class).resolve("summary.jelly")).isRegularFile();
        assertThat(folderOf(ReleaseAction.class).resolve("index.jelly")).isRegularFile();
        assertThat(folderOf(JobReleasesAction.class).resolve("index.jelly")).isRegularFile();
        assertThat(folderOf(io.jenkins.plugins.immutable.record.DriftAction.class).resolve("summary.jelly")).isRegularFile();
        assertThat(Path.of("src/main/webapp/images/releases.svg")).isRegularFile();
    }

    @ParameterizedTest
    @MethodSource("steps")
    void everyStepParameterHasItsHelpFileAndNoHelpFileIsStale(Class<?> step) throws IOException {
        Path folder = folderOf(step);
        Set<String> parameters = parameters(step);
        assertThat(parameters).isNotEmpty();
        assertThat(folder.resolve("help.html")).isRegularFile();
        assertWellFormed(folder.resolve("help.html"));
        for (String parameter : parameters) {
            Path help = folder.resolve("help-" + parameter + ".html");
            assertThat(help).as("help for %s.%s", step.getSimpleName(), parameter).isRegularFile();
            assertWellFormed(help);
        }
        Set<String> helped = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("help-"))
                    .forEach(n -> helped.add(n.substring("help-".length(), n.length() - ".html".length())));
        }
        assertThat(helped).isEqualTo(parameters);
    }

    @ParameterizedTest
    @MethodSource("steps")
    void theConfigFormOffersExactlyTheStepsParameters(Class<?> step) throws IOException {
        Matcher fields = FIELD.matcher(Files.readString(folderOf(step).resolve("config.jelly")));
        Set<String> inForm = new TreeSet<>();
        while (fields.find()) {
            inForm.add(fields.group(1));
        }
        Set<String> expected = new TreeSet<>(parameters(step));
        expected.removeIf(p -> NOT_IN_FORMS.contains(step.getSimpleName() + "." + p));
        assertThat(inForm).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("steps")
    void everyParameterCanBeReadBackForTheSnippetGenerator(Class<?> step) {
        for (String parameter : parameters(step)) {
            String suffix = Character.toUpperCase(parameter.charAt(0)) + parameter.substring(1);
            assertThat(Stream.of(step.getMethods()).map(Method::getName))
                    .as("getter of %s.%s", step.getSimpleName(), parameter)
                    .containsAnyOf("get" + suffix, "is" + suffix);
        }
    }

    /** Constructor parameters (read through -parameters, as Stapler does) and setter properties. */
    private static Set<String> parameters(Class<?> step) {
        Set<String> names = new TreeSet<>();
        for (Constructor<?> constructor : step.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter p : constructor.getParameters()) {
                    assertThat(p.isNamePresent()).as("compiled with -parameters").isTrue();
                    names.add(p.getName());
                }
            }
        }
        List<String> setters = new ArrayList<>();
        for (Method method : step.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                setters.add(method.getName());
            }
        }
        setters.forEach(s -> names.add(Character.toLowerCase(s.charAt(3)) + s.substring(4)));
        return names;
    }

    private static Path folderOf(Class<?> type) {
        return RESOURCES.resolve(type.getName().replace('.', '/'));
    }

    private static void assertWellFormed(Path file) {
        assertThatCode(() -> {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            try (var reader = Files.newBufferedReader(file)) {
                factory.newDocumentBuilder().parse(new InputSource(reader));
            }
        }).as("%s is well-formed XML", file).doesNotThrowAnyException();
    }
}
