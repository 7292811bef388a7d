package dev.canopy.directory;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in person. Its name is the person id, which Spring Session indexes, so that every session of one person
 * can be found and ended.
 */
final class PersonAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final long personId;

    PersonAuthentication(long personId) {
        super(List.of(new SimpleGrantedAuthority("ROLE_PERSON")));
        this.personId = personId;
        setAuthenticated(true);
    }

    long personId() {
        return personId;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return Long.toString(personId);
    }
}
