/**
 * Demo data: with {@code --canopy.demo=true}, an empty installation is filled at start with a believable group of
 * companies, whose fixed sign-ins are printed to the log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package dev.canopy.demo;
