package dev.canopy.directory;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Access to the signed-in person and to starting a hub session, for the hub pages of other modules. */
@Component
public class SignedIn {

    private final SecurityContextRepository contextRepository;

    SignedIn(SecurityContextRepository contextRepository) {
        this.contextRepository = contextRepository;
    }

    /** Returns the id of the person signed in on this request, if any. */
    public static Optional<Long> personId() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof PersonAuthentication person
                ? Optional.of(person.personId())
                : Optional.empty();
    }

    /** Starts a hub session for the person, under a new session id so that a planted id is worthless. */
    public void startHubSession(long personId, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PersonAuthentication(personId));
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
    }
}
