// Source: jenkinsci/jenkins core/src/main/java/hudson/util/ListBoxModel.java (jenkins-2.479.3)
// The real class also implements org.kohsuke.stapler.HttpResponse (left out).
package hudson.util;

import java.util.ArrayList;
import org.kohsuke.stapler.export.ExportedBean;

@ExportedBean
public class ListBoxModel extends ArrayList<ListBoxModel.Option> {

    public ListBoxModel() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public void add(String displayName, String value) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public ListBoxModel add(String nameAndValue) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static final class Option {
        public String name;
        public String value;
        public boolean selected;

        public Option(String name, String value) {
            throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
        }
    }
}
