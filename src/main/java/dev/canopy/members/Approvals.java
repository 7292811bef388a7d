package dev.canopy.members;

import dev.canopy.directory.MemberState;
import dev.canopy.directory.Membership;
import dev.canopy.directory.PortalMembers;
import dev.canopy.tenancy.PortalScope;
import dev.canopy.web.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrators approve or decline people who joined by an invite link that needs approval. */
@Service
class Approvals {

    private static final Logger log = LoggerFactory.getLogger(Approvals.class);

    private final PortalMembers members;
    private final InviteLinks inviteLinks;
    private final MemberDepartments departments;
    private final PortalScope portalScope;
    private final ApplicationEventPublisher events;

    Approvals(
            PortalMembers members,
            InviteLinks inviteLinks,
            MemberDepartments departments,
            PortalScope portalScope,
            ApplicationEventPublisher events) {
        this.members = members;
        this.inviteLinks = inviteLinks;
        this.departments = departments;
        this.portalScope = portalScope;
        this.events = events;
    }

    /** Makes the member active and places them in the department the invite link names now. */
    @Transactional
    public void approve(long portalId, long memberId) {
        Membership membership = awaiting(portalId, memberId);
        members.setState(portalId, memberId, MemberState.ACTIVE);
        inviteLinks
                .find(portalId)
                .map(InviteLinks.InviteLink::departmentId)
                .ifPresent(departmentId -> departments.place(portalId, departmentId, membership.id()));
        portalScope.runAs(portalId, () -> events.publishEvent(new MemberAdded(portalId, memberId)));
        log.info("Member {} of portal {} approved", memberId, portalId);
    }

    /** Turns the request down; the membership stays, dismissed, so the person cannot ask again by the link. */
    @Transactional
    public void decline(long portalId, long memberId) {
        awaiting(portalId, memberId);
        members.dismiss(portalId, memberId, "members.lastAdministrator.dismiss");
        log.info("Member {} of portal {} declined", memberId, portalId);
    }

    private Membership awaiting(long portalId, long memberId) {
        Membership membership = members.findForUpdate(portalId, memberId).orElseThrow(NotFound::new);
        if (membership.state() != MemberState.AWAITING_APPROVAL) {
            throw new Refusal(null, "members.notAwaiting");
        }
        return membership;
    }
}
