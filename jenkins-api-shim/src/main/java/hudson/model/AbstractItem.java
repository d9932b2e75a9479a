// Source: jenkinsci/jenkins core/src/main/java/hudson/model/AbstractItem.java (jenkins-2.479.3)
// The real class also implements Loadable, HttpDeletable, AccessControlled, DescriptorByNameOwner,
// StaplerProxy (left out).
package hudson.model;

import org.kohsuke.stapler.export.ExportedBean;

@ExportedBean
public abstract class AbstractItem extends Actionable implements Item {

    // The real constructor is protected AbstractItem(ItemGroup parent, String name); ItemGroup is not
    // in the shim. This package-private one exists only so that javac does not invent a public
    // constructor the real class lacks.
    AbstractItem() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    public String getName() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    public final String getFullName() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    public final String getFullDisplayName() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    public final String getUrl() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
