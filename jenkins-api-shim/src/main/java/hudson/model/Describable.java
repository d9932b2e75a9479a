// Source: jenkinsci/jenkins core/src/main/java/hudson/model/Describable.java (jenkins-2.479.3 form:
// abstract getDescriptor(); HEAD turned it into a default method, which compiles against this too).
package hudson.model;

public interface Describable<T extends Describable<T>> {
    Descriptor<T> getDescriptor();
}
