package dev.canopy.members;

import dev.canopy.directory.Accounts;
import dev.canopy.directory.MemberState;
import dev.canopy.directory.Membership;
import dev.canopy.directory.Person;
import dev.canopy.directory.Portal;
import dev.canopy.directory.PortalMembers;
import dev.canopy.tenancy.PortalScope;
import dev.canopy.web.Refusal;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Joining a portal by a mailed invitation, from the hub's list of invitations, or by the portal's invite link. */
@Service
class InvitationAcceptance {

    private static final Logger log = LoggerFactory.getLogger(InvitationAcceptance.class);

    private final PortalMembers members;
    private final Invitations invitations;
    private final InviteLinks inviteLinks;
    private final MemberDepartments departments;
    private final Accounts accounts;
    private final PortalScope portalScope;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InvitationAcceptance(
            PortalMembers members,
            Invitations invitations,
            InviteLinks inviteLinks,
            MemberDepartments departments,
            Accounts accounts,
            PortalScope portalScope,
            ApplicationEventPublisher events,
            Clock clock) {
        this.members = members;
        this.invitations = invitations;
        this.inviteLinks = inviteLinks;
        this.departments = departments;
        this.accounts = accounts;
        this.portalScope = portalScope;
        this.events = events;
        this.clock = clock;
    }

    /** Returns the open invitation of the token, or raises a refusal whose message key gives the reason it is closed. */
    Invitations.Invitation open(String token) {
        var invitation = invitations.findByToken(token).orElseThrow(() -> new Refusal(null, "invitation.unknown"));
        checkOpen(invitation);
        return invitation;
    }

    Portal portalOf(Invitations.Invitation invitation) {
        return members.portal(invitation.portalId()).orElseThrow();
    }

    /**
     * Accepts the invitation of a mailed link as the person, whose email must be the invited one. Opening the mailed
     * link proves the email, so it is marked verified.
     */
    @Transactional
    public Portal acceptByToken(String token, long personId) {
        var invitation = open(token);
        Person person = members.person(personId).orElseThrow();
        if (!person.email().equals(invitation.email())) {
            throw new Refusal(null, "invitation.mismatch");
        }
        accounts.markEmailProved(personId);
        return accept(invitation, person);
    }

    /** Accepts an invitation listed on the person's hub page. */
    @Transactional
    public Portal acceptFromHub(long invitationId, long personId) {
        Person person = members.person(personId).orElseThrow();
        var invitation = invitations
                .findById(invitationId)
                .filter(found -> found.email().equals(person.email()))
                .orElseThrow(NotFound::new);
        if (accounts.verifiesEmail() && !person.verified()) {
            throw new Refusal(null, "invitation.unverified");
        }
        checkOpen(invitation);
        return accept(invitation, person);
    }

    private Portal accept(Invitations.Invitation invitation, Person person) {
        long portalId = invitation.portalId();
        Membership invited = members.find(portalId, invitation.memberId()).orElseThrow();
        if (!invitations.markAccepted(invitation.id(), clock.instant())) {
            throw new Refusal(null, "invitation.used");
        }
        Membership joined = activate(portalId, invited, person);
        portalScope.runAs(portalId, () -> events.publishEvent(new InvitationAccepted(portalId, joined.id())));
        log.info(
                "Person {} accepted invitation {} and is member {} of portal {}",
                person.id(),
                invitation.id(),
                joined.id(),
                portalId);
        return members.portal(portalId).orElseThrow();
    }

    /**
     * Makes the invited membership the person's active one. If the person became a member by another way since the
     * invitation was sent, that membership is activated and the invited email's placeholder goes.
     */
    private Membership activate(long portalId, Membership invited, Person person) {
        if (invited.hasPerson()) {
            members.setState(portalId, invited.id(), MemberState.ACTIVE);
            return invited;
        }
        Optional<Membership> other = members.findByPerson(portalId, person.id());
        if (other.isPresent()) {
            invitations.withdrawOpen(portalId, invited.id(), clock.instant());
            members.deleteInvitedEmail(portalId, invited.id());
            members.setState(portalId, other.get().id(), MemberState.ACTIVE);
            return other.get();
        }
        members.attachPerson(portalId, invited.id(), person.id());
        members.setState(portalId, invited.id(), MemberState.ACTIVE);
        return invited;
    }

    /** Returns the enabled invite link of the token and its portal, or raises a refusal. */
    InviteLinks.InviteLink link(String token) {
        var link = inviteLinks.findByToken(token).orElseThrow(() -> new Refusal(null, "joinLink.unknown"));
        if (!link.enabled()) {
            throw new Refusal(null, "joinLink.off");
        }
        return link;
    }

    Portal portalOf(InviteLinks.InviteLink link) {
        return members.portal(link.portalId()).orElseThrow();
    }

    /**
     * Joins the person by the portal's invite link: as an active member, or awaiting approval when the link needs
     * it. A dismissed member cannot come back this way; an administrator re-invites them.
     */
    @Transactional
    public MemberState joinByLink(String token, long personId) {
        var link = link(token);
        long portalId = link.portalId();
        members.lockPortal(portalId);
        Person person = members.person(personId).orElseThrow();
        if (accounts.verifiesEmail() && !person.verified()) {
            throw new Refusal(null, "joinLink.unverified");
        }
        var existing = members.findByPerson(portalId, personId);
        if (existing.isPresent()) {
            return rejoin(link, existing.get());
        }
        var invitedEmail = members.findInvitedEmail(portalId, person.email());
        if (invitedEmail.isPresent()) {
            invitations.withdrawOpen(portalId, invitedEmail.get().id(), clock.instant());
            members.attachPerson(portalId, invitedEmail.get().id(), personId);
            return rejoin(link, members.find(portalId, invitedEmail.get().id()).orElseThrow());
        }

        MemberState state = link.needsApproval() ? MemberState.AWAITING_APPROVAL : MemberState.ACTIVE;
        Membership joined = members.add(portalId, personId, state);
        if (state == MemberState.ACTIVE) {
            placeInDepartment(link, joined.id());
        }
        Object event = state == MemberState.ACTIVE
                ? new InvitationAccepted(portalId, joined.id())
                : new ApprovalRequested(portalId, joined.id());
        portalScope.runAs(portalId, () -> events.publishEvent(event));
        log.info(
                "Person {} joined portal {} by its invite link as member {}, {}",
                personId,
                portalId,
                joined.id(),
                state);
        return state;
    }

    private MemberState rejoin(InviteLinks.InviteLink link, Membership membership) {
        long portalId = link.portalId();
        switch (membership.state()) {
            case DISMISSED -> throw new Refusal(null, "joinLink.dismissed");
            case ACTIVE, AWAITING_APPROVAL -> {
                return membership.state();
            }
            case INVITED -> {
                // An administrator already invited this person, which counts as approval.
                invitations.withdrawOpen(portalId, membership.id(), clock.instant());
                members.setState(portalId, membership.id(), MemberState.ACTIVE);
                placeInDepartment(link, membership.id());
                portalScope.runAs(
                        portalId, () -> events.publishEvent(new InvitationAccepted(portalId, membership.id())));
                return MemberState.ACTIVE;
            }
        }
        throw new IllegalStateException("Unknown state " + membership.state());
    }

    private void placeInDepartment(InviteLinks.InviteLink link, long memberId) {
        if (link.departmentId() != null) {
            departments.place(link.portalId(), link.departmentId(), memberId);
        }
    }

    private void checkOpen(Invitations.Invitation invitation) {
        if (invitation.acceptedAt() != null) {
            throw new Refusal(null, "invitation.used");
        }
        if (invitation.withdrawnAt() != null || invitation.memberId() == null) {
            throw new Refusal(null, "invitation.withdrawn");
        }
        if (invitation.expired(clock.instant())) {
            throw new Refusal(null, "invitation.expired");
        }
    }
}
