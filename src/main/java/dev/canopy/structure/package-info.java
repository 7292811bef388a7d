/**
 * A portal's company structure: a tree of departments under one top department named after the company, each with
 * at most one head and any number of members.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Company structure")
package dev.canopy.structure;
