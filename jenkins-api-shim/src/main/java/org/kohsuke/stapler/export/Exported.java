// Source: jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/export/Exported.java
package org.kohsuke.stapler.export;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Retention(RUNTIME)
@Documented
@Target({FIELD, METHOD})
public @interface Exported {
    int visibility() default 0;

    String name() default "";

    boolean inline() default false;

    boolean merge() default false;

    boolean skipNull() default false;

    String verboseMap() default "";
}
