// Source: jenkinsci/jenkins core/src/main/java/hudson/model/Item.java (jenkins-2.479.3)
// The real interface extends PersistenceRoot, SearchableModelObject (a ModelObject), AccessControlled
// and OnMaster; ModelObject, AccessControlled and OnMaster are kept. Members: the ones AbstractItem's listed
// methods override (they carry @Override in the real AbstractItem).
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;
import jenkins.util.io.OnMaster;

public interface Item extends ModelObject, AccessControlled, OnMaster {
    // The real value is new Permission(PERMISSIONS, "ExtendedRead", ..., CONFIGURE, ...); the shim holds none.
    Permission EXTENDED_READ = null;

    String getName();

    String getFullName();

    @Override
    String getDisplayName();

    String getFullDisplayName();

    String getUrl();
}
