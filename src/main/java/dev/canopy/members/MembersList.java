package dev.canopy.members;

import dev.canopy.directory.CurrentMember;
import dev.canopy.directory.MemberListing;
import dev.canopy.directory.MemberState;
import dev.canopy.directory.PortalMembers;
import dev.canopy.web.FormErrors;
import dev.canopy.web.Pages;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Builds the Members page for a search, a state filter and a page number, falling back on bad parameters. */
@Component
class MembersList {

    static final int PAGE_SIZE = 25;
    static final int MAX_QUERY = 100;

    private final PortalMembers members;
    private final Invitations invitations;
    private final MemberDepartments departments;
    private final Pages pages;
    private final Clock clock;

    MembersList(
            PortalMembers members, Invitations invitations, MemberDepartments departments, Pages pages, Clock clock) {
        this.members = members;
        this.invitations = invitations;
        this.departments = departments;
        this.pages = pages;
        this.clock = clock;
    }

    String render(
            HttpServletRequest request,
            Model model,
            String q,
            String state,
            String page,
            String notice,
            FormErrors errors) {
        CurrentMember viewer = CurrentMember.of(request);
        long portalId = viewer.portal().id();
        String query = q.strip();
        query = query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
        MemberState stateFilter = parseState(state);

        long total = members.count(portalId, query, stateFilter);
        int pageCount = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.min(parsePage(page), pageCount);
        List<MemberListing> listings =
                members.search(portalId, query, stateFilter, (number - 1) * PAGE_SIZE, PAGE_SIZE);
        List<Long> ids = listings.stream().map(MemberListing::memberId).toList();
        Map<Long, List<String>> departmentNames = departments.namesOf(portalId, ids);
        Map<Long, Invitations.Invitation> open = invitations.openOf(portalId, ids);
        Instant now = clock.instant();
        List<MemberRow> rows = listings.stream()
                .map(listing -> {
                    var invitation = open.get(listing.memberId());
                    return new MemberRow(
                            listing.memberId(),
                            listing.name(),
                            listing.email(),
                            listing.role(),
                            listing.state(),
                            listing.position(),
                            departmentNames.getOrDefault(listing.memberId(), List.of()),
                            invitation == null ? null : invitation.id(),
                            invitation != null && invitation.expired(now));
                })
                .toList();

        model.addAttribute("page", pages.page(request, "members.title"));
        model.addAttribute(
                "view",
                new MembersView(
                        rows,
                        query,
                        stateFilter,
                        number,
                        pageCount,
                        total,
                        viewer.administrator(),
                        viewer.membership().id(),
                        notice,
                        errors));
        return "members/list";
    }

    private static MemberState parseState(String state) {
        try {
            return state.isBlank() ? null : MemberState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int parsePage(String page) {
        try {
            return Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
