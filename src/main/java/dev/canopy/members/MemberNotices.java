package dev.canopy.members;

import dev.canopy.directory.PortalMembers;
import dev.canopy.notifications.Notifier;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Rings the bell for the people events of a portal: who joined, who awaits approval, who was added. */
@Component
class MemberNotices {

    private final Notifier notifier;
    private final PortalMembers members;

    MemberNotices(Notifier notifier, PortalMembers members) {
        this.notifier = notifier;
        this.members = members;
    }

    @EventListener
    void invitationAccepted(InvitationAccepted accepted) {
        notifier.notifyAdministrators(
                accepted.portalId(),
                "notification.invitationAccepted",
                List.of(name(accepted.portalId(), accepted.memberId())),
                "/members");
    }

    @EventListener
    void approvalRequested(ApprovalRequested requested) {
        notifier.notifyAdministrators(
                requested.portalId(),
                "notification.approvalRequested",
                List.of(name(requested.portalId(), requested.memberId())),
                "/members?state=AWAITING_APPROVAL");
    }

    @EventListener
    void memberAdded(MemberAdded added) {
        String portalTitle =
                members.portal(added.portalId()).map(portal -> portal.title()).orElse("");
        notifier.notifyMember(
                added.portalId(), added.memberId(), "notification.memberAdded", List.of(portalTitle), "/");
    }

    private String name(long portalId, long memberId) {
        return members.find(portalId, memberId)
                .filter(membership -> membership.hasPerson())
                .flatMap(membership -> members.person(membership.personId()))
                .map(person -> person.name())
                .orElse("");
    }
}
