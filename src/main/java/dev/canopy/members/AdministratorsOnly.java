package dev.canopy.members;

/** Raised when an employee calls an action that only the portal's administrators may use. */
class AdministratorsOnly extends RuntimeException {

    AdministratorsOnly() {
        super("Only administrators may do this");
    }
}
