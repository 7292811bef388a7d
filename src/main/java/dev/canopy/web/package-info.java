/**
 * The layout every page shares, the page model with the CSRF token and messages, error pages, and the exception that
 * carries a refusal to a form field.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package dev.canopy.web;
