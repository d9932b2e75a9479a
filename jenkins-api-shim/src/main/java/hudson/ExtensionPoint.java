// Source: jenkinsci/jenkins core/src/main/java/hudson/ExtensionPoint.java (jenkins-2.479.3)
// The nested @interface LegacyInstancesAreScopedToHudson is left out.
package hudson;

public interface ExtensionPoint {
}
