package dev.canopy.members;

/** Raised when an id matches nothing in the current portal. The response is a 404 page that names nothing. */
class NotFound extends RuntimeException {

    NotFound() {
        super("Not found in this portal");
    }
}
