package dev.canopy.members;

import dev.canopy.directory.Accounts;
import dev.canopy.directory.Addresses;
import dev.canopy.directory.MemberRole;
import dev.canopy.directory.MemberState;
import dev.canopy.directory.Membership;
import dev.canopy.directory.Person;
import dev.canopy.directory.Portal;
import dev.canopy.directory.PortalMembers;
import dev.canopy.mail.Mail;
import dev.canopy.mail.Mailer;
import dev.canopy.tenancy.PortalScope;
import dev.canopy.web.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators' actions that bring people in: invite by email, add directly, re-send, withdraw and re-invite.
 * Every id is looked up within the administrator's portal.
 */
@Service
class InvitationManagement {

    private static final Logger log = LoggerFactory.getLogger(InvitationManagement.class);

    private final PortalMembers members;
    private final Invitations invitations;
    private final Mailer mailer;
    private final Addresses addresses;
    private final MessageSource messages;
    private final PortalScope portalScope;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration lifetime;

    InvitationManagement(
            PortalMembers members,
            Invitations invitations,
            Mailer mailer,
            Addresses addresses,
            MessageSource messages,
            PortalScope portalScope,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${canopy.invitations.lifetime:7d}") Duration lifetime) {
        this.members = members;
        this.invitations = invitations;
        this.mailer = mailer;
        this.addresses = addresses;
        this.messages = messages;
        this.portalScope = portalScope;
        this.events = events;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Invites an email into the portal; a dismissed member with this email is invited back. */
    @Transactional
    public void invite(Portal portal, Membership inviter, String email) {
        invite(portal, inviter, email, MemberRole.EMPLOYEE);
    }

    /**
     * Invites an email into the portal with the given role. Without an inviter the invitation comes from the portal
     * itself, by its title, as when a network manager invites people into a branch they are not a member of.
     */
    @Transactional
    public void invite(Portal portal, Membership inviter, String email, MemberRole role) {
        String normalizedEmail = Accounts.checkEmail(email);
        members.lockPortal(portal.id());
        var person = members.personByEmail(normalizedEmail);
        var existing = person.flatMap(found -> members.findByPerson(portal.id(), found.id()));
        long memberId;
        if (existing.isPresent()) {
            checkInvitable(existing.get());
            members.setState(portal.id(), existing.get().id(), MemberState.INVITED);
            memberId = existing.get().id();
        } else {
            if (members.findInvitedEmail(portal.id(), normalizedEmail).isPresent()) {
                throw new Refusal("email", "invite.alreadyInvited");
            }
            memberId = members.addInvitedEmail(portal.id(), normalizedEmail).id();
        }
        if (role != MemberRole.EMPLOYEE) {
            members.changeRole(portal.id(), memberId, role);
        }
        send(portal, inviter, memberId, normalizedEmail);
    }

    /**
     * Adds a person directly: a verified profile with this email becomes an active member at once and gets a mail
     * about it. Anyone else is invited. Returns whether the person was added rather than invited.
     */
    @Transactional
    public boolean add(Portal portal, Membership administrator, String email) {
        String normalizedEmail = Accounts.checkEmail(email);
        members.lockPortal(portal.id());
        var person = members.personByEmail(normalizedEmail).filter(Person::verified);
        if (person.isEmpty()) {
            invite(portal, administrator, normalizedEmail);
            return false;
        }
        Membership membership = members.findByPerson(portal.id(), person.get().id())
                .map(existing -> {
                    if (existing.active()) {
                        throw new Refusal("email", "invite.alreadyMember");
                    }
                    invitations.withdrawOpen(portal.id(), existing.id(), clock.instant());
                    members.setState(portal.id(), existing.id(), MemberState.ACTIVE);
                    return existing;
                })
                .orElseGet(() -> members.add(portal.id(), person.get().id(), MemberState.ACTIVE));
        members.findInvitedEmail(portal.id(), normalizedEmail).ifPresent(placeholder -> {
            invitations.withdrawOpen(portal.id(), placeholder.id(), clock.instant());
            members.deleteInvitedEmail(portal.id(), placeholder.id());
        });

        Person inviter = members.person(administrator.personId()).orElseThrow();
        mailer.send(new Mail(
                portal.id(),
                normalizedEmail,
                text("mail.added.subject", portal.title()),
                text(
                        "mail.added.body",
                        person.get().name(),
                        inviter.name(),
                        portal.title(),
                        addresses.portal(portal.zone(), portal.name(), "/"))));
        portalScope.runAs(portal.id(), () -> events.publishEvent(new MemberAdded(portal.id(), membership.id())));
        log.info("Member {} added to portal {} by member {}", membership.id(), portal.id(), administrator.id());
        return true;
    }

    /** Mails a new link for an invitation; every older link of the member stops working. */
    @Transactional
    public String resend(Portal portal, Membership administrator, long invitationId) {
        var invitation = invitations.findById(portal.id(), invitationId).orElseThrow(NotFound::new);
        if (invitation.acceptedAt() != null || invitation.withdrawnAt() != null || invitation.memberId() == null) {
            throw new Refusal(null, "invitation.notOpen");
        }
        Membership membership = members.find(portal.id(), invitation.memberId()).orElseThrow(NotFound::new);
        if (membership.state() != MemberState.INVITED) {
            throw new Refusal(null, "invitation.notOpen");
        }
        send(portal, administrator, membership.id(), invitation.email());
        return invitation.email();
    }

    /**
     * Withdraws an invitation so that its link stops working. An email that was never a member disappears from the
     * list; a dismissed member who was invited back is dismissed again.
     */
    @Transactional
    public String withdraw(Portal portal, long invitationId) {
        var invitation = invitations.findById(portal.id(), invitationId).orElseThrow(NotFound::new);
        if (invitation.acceptedAt() != null || invitation.withdrawnAt() != null || invitation.memberId() == null) {
            throw new Refusal(null, "invitation.notOpen");
        }
        Membership membership = members.find(portal.id(), invitation.memberId()).orElseThrow(NotFound::new);
        invitations.withdrawOpen(portal.id(), membership.id(), clock.instant());
        if (!membership.hasPerson()) {
            members.deleteInvitedEmail(portal.id(), membership.id());
        } else if (membership.state() == MemberState.INVITED) {
            members.dismiss(portal.id(), membership.id(), "members.lastAdministrator.dismiss");
        }
        log.info("Invitation {} of portal {} withdrawn", invitationId, portal.id());
        return invitation.email();
    }

    /** Invites a dismissed member back. */
    @Transactional
    public String reinvite(Portal portal, Membership administrator, long memberId) {
        Membership membership = members.find(portal.id(), memberId).orElseThrow(NotFound::new);
        if (membership.state() != MemberState.DISMISSED) {
            throw new Refusal(null, "invite.notDismissed");
        }
        String email = members.email(membership);
        members.setState(portal.id(), memberId, MemberState.INVITED);
        send(portal, administrator, memberId, email);
        return email;
    }

    private static void checkInvitable(Membership membership) {
        switch (membership.state()) {
            case ACTIVE -> throw new Refusal("email", "invite.alreadyMember");
            case AWAITING_APPROVAL -> throw new Refusal("email", "invite.awaitingApproval");
            case INVITED -> throw new Refusal("email", "invite.alreadyInvited");
            case DISMISSED -> {}
        }
    }

    private void send(Portal portal, Membership inviter, long memberId, String email) {
        Instant now = clock.instant();
        invitations.withdrawOpen(portal.id(), memberId, now);
        String token = invitations.insert(
                portal.id(), memberId, email, inviter == null ? null : inviter.id(), now, now.plus(lifetime));
        String link = addresses.hub("/invitations/" + token);
        String body = inviter == null
                ? text("mail.invitation.fromPortal.body", portal.title(), link, lifetime.toDays())
                : text(
                        "mail.invitation.body",
                        members.person(inviter.personId()).orElseThrow().name(),
                        portal.title(),
                        link,
                        lifetime.toDays());
        mailer.send(new Mail(portal.id(), email, text("mail.invitation.subject", portal.title()), body));
        log.info(
                "Member {} of portal {} invited{}",
                memberId,
                portal.id(),
                inviter == null ? " in the portal's name" : " by member " + inviter.id());
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.ENGLISH);
    }
}
