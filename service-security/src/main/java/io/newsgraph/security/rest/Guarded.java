package io.newsgraph.security.rest;

import io.newsgraph.security.AccessPolicy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The kind of operation a REST method (or every method of a resource) is, for {@link RestAccessFilter}. Methods
 * without it are reads.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Guarded {

    AccessPolicy.Operation value();
}
