// Source: jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/StaplerRequest2.java
// Declarations only: bindJSON(Object, JSONObject) (a GlobalConfiguration's configure binds its form with it); the
// other members are left out.
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;
import net.sf.json.JSONObject;

public interface StaplerRequest2 extends HttpServletRequest {

    void bindJSON(Object bean, JSONObject src);
}
