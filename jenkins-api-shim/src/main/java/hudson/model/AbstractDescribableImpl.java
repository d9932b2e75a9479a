// Source: jenkinsci/jenkins core/src/main/java/hudson/model/AbstractDescribableImpl.java (jenkins-2.479.3)
package hudson.model;

public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {

    // No constructor is declared, exactly as in the real class: the implicit public no-arg one is
    // left non-throwing so that the plugin's Step subclasses can be constructed in plain JUnit
    // tests (see jenkins-api-shim/README.md).

    @Override
    public Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
