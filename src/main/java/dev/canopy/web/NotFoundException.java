package dev.canopy.web;

/** Raised for a record that does not exist in the current portal; shown as the plain 404 page. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
