// Source: jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/StaplerRequest2.java
// Type only (Descriptor.newInstance names it); its members are left out.
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;

public interface StaplerRequest2 extends HttpServletRequest {
}
