// Source: jenkinsci/jenkins core/src/main/java/hudson/model/InvisibleAction.java (jenkins-2.479.3)
package hudson.model;

public abstract class InvisibleAction implements Action {

    // No constructor is declared, exactly as in the real class: the implicit public no-arg one is
    // left non-throwing so that the plugin's Action subclasses can be constructed in plain JUnit
    // tests (see jenkins-api-shim/README.md).

    @Override
    public final String getIconFileName() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    public final String getDisplayName() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
