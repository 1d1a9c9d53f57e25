package io.newsgraph.entities.api;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks endpoints that need the shared API key (see {@link ApiKeyFilter}). */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ApiKeyRequired {

    /** False for endpoints whose need for the key is itself configurable (extraction without storing). */
    boolean always() default true;
}
