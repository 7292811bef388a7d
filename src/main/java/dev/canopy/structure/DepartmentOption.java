package dev.canopy.structure;

/** A department in a picker, with its depth in the tree so that the list can be indented. */
public record DepartmentOption(long id, String name, int depth) {

    /** Returns the name indented by two no-break spaces per level. */
    public String label() {
        return "\u00a0\u00a0".repeat(depth) + name;
    }
}
