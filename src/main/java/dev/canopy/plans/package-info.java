/**
 * Plans and their member limits, paid periods and the one Professional trial per portal. Payment is out of scope:
 * choosing or extending a plan moves its "paid until" date.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plans")
package dev.canopy.plans;
