package dev.canopy.members;

/** Raised when an id names nothing in the current portal; the page answers 404 and names nothing. */
class NotFound extends RuntimeException {

    NotFound() {
        super("Not found in this portal");
    }
}
