package dev.canopy.members;

import dev.canopy.directory.MemberState;
import dev.canopy.web.FormErrors;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Members page: one page of rows for the search text and state filter, and whether the viewer administers.
 *
 * @param state the state filter, or null for every state
 * @param notice a confirmation of the last action, or null
 */
public record MembersView(
        List<MemberRow> rows,
        String query,
        MemberState state,
        int page,
        int pages,
        long total,
        boolean administrator,
        long viewerMemberId,
        String notice,
        FormErrors errors) {

    public List<MemberState> states() {
        return List.of(MemberState.values());
    }

    /** Returns the address of another page of the same search. */
    public String pageLink(int number) {
        StringBuilder link = new StringBuilder("/members?page=").append(number);
        if (!query.isEmpty()) {
            link.append("&q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8));
        }
        if (state != null) {
            link.append("&state=").append(state.name());
        }
        return link.toString();
    }
}
