package dev.canopy.branches;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import dev.canopy.directory.MemberRole;
import dev.canopy.directory.Portal;
import dev.canopy.directory.PortalCreation;
import dev.canopy.directory.PortalDirectory;
import dev.canopy.members.PortalInvitations;
import dev.canopy.plans.Plans;
import dev.canopy.web.NotFoundException;
import dev.canopy.web.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forms and changes branch networks. Every change locks the rows of the portals it touches in id order and then
 * checks the rules again on what it read under the lock, so two people connecting the same portal at the same moment
 * get one connection and one refusal, and a request is answered once.
 */
@Service
public class BranchNetwork {

    static final Duration REQUEST_LIFETIME = Duration.ofDays(7);
    static final TaskDescriptor<Long> REQUEST_EXPIRY = TaskDescriptor.of("network-request-expiry", Long.class);
    private static final Logger log = LoggerFactory.getLogger(BranchNetwork.class);

    private final Networks networks;
    private final NetworkRequests requests;
    private final NetworkLog networkLog;
    private final NetworkNotices notices;
    private final PortalDirectory directory;
    private final PortalCreation portalCreation;
    private final Plans plans;
    private final SchedulerClient scheduler;
    private final PortalInvitations invitations;
    private final Clock clock;

    BranchNetwork(
            Networks networks,
            NetworkRequests requests,
            NetworkLog networkLog,
            NetworkNotices notices,
            PortalDirectory directory,
            PortalCreation portalCreation,
            Plans plans,
            SchedulerClient scheduler,
            PortalInvitations invitations,
            Clock clock) {
        this.invitations = invitations;
        this.networks = networks;
        this.requests = requests;
        this.networkLog = networkLog;
        this.notices = notices;
        this.directory = directory;
        this.portalCreation = portalCreation;
        this.plans = plans;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    public NetworkPortal portal(long portalId) {
        return networks.portal(portalId).orElseThrow(() -> new NotFoundException("Portal"));
    }

    /** Connects a portal the actor also administers at once. */
    @Transactional
    public void connectAtOnce(long actorId, long mainPortalId, long branchPortalId) {
        requireAdministrator(actorId, mainPortalId);
        if (!directory.isActiveAdministrator(branchPortalId, actorId)) {
            throw new Refusal("address", "network.refused.notAdministrator");
        }
        networks.lock(mainPortalId, branchPortalId);
        NetworkPortal main = portal(mainPortalId);
        NetworkPortal branch = portal(branchPortalId);
        checkRules(actorId, main, branch);
        connect(main, branch, actorName(actorId));
    }

    /** Sends a network manager's request to a portal's administrators to join the network. */
    @Transactional
    public NetworkRequest invite(long actorId, long mainPortalId, long branchPortalId) {
        requireAdministrator(actorId, mainPortalId);
        return sendRequest(actorId, mainPortalId, branchPortalId, NetworkRequest.Direction.INVITE);
    }

    /** Sends a portal administrator's request to a main portal, or an Enterprise portal without branches, to join it. */
    @Transactional
    public NetworkRequest askToJoin(long actorId, long branchPortalId, long mainPortalId) {
        requireAdministrator(actorId, branchPortalId);
        return sendRequest(actorId, mainPortalId, branchPortalId, NetworkRequest.Direction.JOIN);
    }

    private NetworkRequest sendRequest(
            long actorId, long mainPortalId, long branchPortalId, NetworkRequest.Direction direction) {
        networks.lock(mainPortalId, branchPortalId);
        NetworkPortal main = portal(mainPortalId);
        NetworkPortal branch = portal(branchPortalId);
        checkRules(actorId, main, branch);
        if (requests.pendingBetween(mainPortalId, branchPortalId).isPresent()) {
            throw new Refusal("address", "network.request.exists");
        }
        Instant now = clock.instant();
        NetworkRequest request =
                requests.insert(mainPortalId, branchPortalId, direction, actorId, now, now.plus(REQUEST_LIFETIME));
        scheduler.scheduleIfNotExists(REQUEST_EXPIRY
                .instance(Long.toString(request.id()))
                .data(request.id())
                .scheduledTo(request.expiresAt()));

        String actor = actorName(actorId);
        NetworkPortal requester = direction == NetworkRequest.Direction.INVITE ? main : branch;
        NetworkPortal answerer = direction == NetworkRequest.Direction.INVITE ? branch : main;
        networkLog.record(requester.id(), NetworkEvent.REQUEST_SENT, answerer.title(), actor);
        networkLog.record(answerer.id(), NetworkEvent.REQUEST_RECEIVED, requester.title(), actor);
        notices.tellAdministrators(
                answerer.id(), NetworkEvent.REQUEST_RECEIVED, requester.title(), settingsLink(answerer.id()));
        log.info(
                "Person {} sent network request {} from portal {} to portal {}",
                actorId,
                request.id(),
                requester.id(),
                answerer.id());
        return request;
    }

    /** Accepts a pending request on behalf of the answering portal, checking every rule again. */
    @Transactional
    public void accept(long actorId, long hostPortalId, long requestId) {
        NetworkRequest request = lockPending(requestId, hostPortalId);
        if (request.answeringPortalId() != hostPortalId) {
            throw new Refusal(null, "network.request.notYours");
        }
        requireAdministrator(actorId, hostPortalId);
        if (!clock.instant().isBefore(request.expiresAt())) {
            throw new Refusal(null, "network.request.expired");
        }
        networks.lock(request.mainPortalId(), request.branchPortalId());
        NetworkPortal main = portal(request.mainPortalId());
        NetworkPortal branch = portal(request.branchPortalId());
        checkRules(actorId, main, branch);

        requests.answer(requestId, NetworkRequest.State.ACCEPTED, actorId, clock.instant());
        String actor = actorName(actorId);
        NetworkPortal requester = portal(request.requestingPortalId());
        NetworkPortal answerer = portal(request.answeringPortalId());
        networkLog.record(answerer.id(), NetworkEvent.REQUEST_ACCEPTED, requester.title(), actor);
        networkLog.record(requester.id(), NetworkEvent.REQUEST_ACCEPTED, answerer.title(), actor);
        notices.tellAdministrators(
                requester.id(), NetworkEvent.REQUEST_ACCEPTED, answerer.title(), settingsLink(requester.id()));
        connect(main, branch, actor);
    }

    @Transactional
    public void decline(long actorId, long hostPortalId, long requestId) {
        NetworkRequest request = lockPending(requestId, hostPortalId);
        if (request.answeringPortalId() != hostPortalId) {
            throw new Refusal(null, "network.request.notYours");
        }
        requireAdministrator(actorId, hostPortalId);
        requests.answer(requestId, NetworkRequest.State.DECLINED, actorId, clock.instant());
        closeRequest(request, NetworkEvent.REQUEST_DECLINED, actorName(actorId), request.requestingPortalId());
    }

    @Transactional
    public void withdraw(long actorId, long hostPortalId, long requestId) {
        NetworkRequest request = lockPending(requestId, hostPortalId);
        if (request.requestingPortalId() != hostPortalId) {
            throw new Refusal(null, "network.request.notYours");
        }
        requireAdministrator(actorId, hostPortalId);
        requests.answer(requestId, NetworkRequest.State.WITHDRAWN, actorId, clock.instant());
        closeRequest(request, NetworkEvent.REQUEST_WITHDRAWN, actorName(actorId), request.answeringPortalId());
    }

    /** Expires a request whose seven days have passed; called by the scheduler, and harmless when already answered. */
    @Transactional
    public void expire(long requestId) {
        var locked = requests.lock(requestId);
        if (locked.isEmpty()
                || locked.get().state() != NetworkRequest.State.PENDING
                || clock.instant().isBefore(locked.get().expiresAt())) {
            return;
        }
        NetworkRequest request = locked.get();
        requests.answer(requestId, NetworkRequest.State.EXPIRED, null, clock.instant());
        closeRequest(request, NetworkEvent.REQUEST_EXPIRED, null, request.requestingPortalId());
        notices.tellAdministrators(
                request.answeringPortalId(),
                NetworkEvent.REQUEST_EXPIRED,
                portal(request.requestingPortalId()).title(),
                settingsLink(request.answeringPortalId()));
        log.info("Network request {} expired", requestId);
    }

    /** Disconnects a branch on a network manager's word; the branch goes on alone with all it has. */
    @Transactional
    public void disconnect(long actorId, long mainPortalId, long branchPortalId) {
        requireAdministrator(actorId, mainPortalId);
        networks.lock(mainPortalId, branchPortalId);
        NetworkPortal main = portal(mainPortalId);
        NetworkPortal branch = networks.portal(branchPortalId)
                .filter(found ->
                        main.main() && found.branch() && found.networkId().equals(main.networkId()))
                .orElseThrow(() -> new NotFoundException("Branch"));
        String actor = actorName(actorId);
        separate(main, branch);
        networkLog.record(main.id(), NetworkEvent.DISCONNECTED, branch.title(), actor);
        networkLog.record(branch.id(), NetworkEvent.DISCONNECTED, main.title(), actor);
        notices.tellAdministrators(branch.id(), NetworkEvent.DISCONNECTED, main.title(), settingsLink(branch.id()));
        notices.tellAdministrators(main.id(), NetworkEvent.DISCONNECTED, branch.title(), settingsLink(main.id()));
        log.info("Person {} disconnected branch {} from network {}", actorId, branch.id(), main.networkId());
    }

    /** Takes a branch out of its network on its own administrators' word, where its standing allows that. */
    @Transactional
    public void leave(long actorId, long branchPortalId) {
        requireAdministrator(actorId, branchPortalId);
        NetworkPortal current = portal(branchPortalId);
        if (!current.branch()) {
            throw new Refusal(null, "network.leave.notBranch");
        }
        networks.lock(
                branchPortalId,
                networks.mainOf(current.networkId()).orElseThrow().id());
        NetworkPortal branch = portal(branchPortalId);
        if (!mayLeave(branch)) {
            throw new Refusal(null, "network.leave.notAllowed");
        }
        NetworkPortal main = networks.mainOf(branch.networkId()).orElseThrow();
        String actor = actorName(actorId);
        separate(main, branch);
        networkLog.record(branch.id(), NetworkEvent.LEFT, main.title(), actor);
        networkLog.record(main.id(), NetworkEvent.LEFT, branch.title(), actor);
        notices.tellAdministrators(main.id(), NetworkEvent.LEFT, branch.title(), settingsLink(main.id()));
        notices.tellAdministrators(branch.id(), NetworkEvent.LEFT, main.title(), settingsLink(branch.id()));
        log.info("Branch {} left network {}", branch.id(), main.networkId());
    }

    /** A branch's own administrators may leave only while it is suspended or blocked, or its network is disabled. */
    boolean mayLeave(NetworkPortal branch) {
        return branch.suspended() || branch.networkDisabled();
    }

    /** Creates a new portal straight into the network, in its 15-day trial, with the creator as an administrator. */
    @Transactional
    public Portal createBranch(long actorId, long mainPortalId, String title, String name, String administratorEmail) {
        requireAdministrator(actorId, mainPortalId);
        networks.lock(mainPortalId);
        NetworkPortal main = portal(mainPortalId);
        if (main.plan() != dev.canopy.plans.Plan.ENTERPRISE || main.branch()) {
            throw new Refusal(null, main.branch() ? "network.refused.mainIsBranch" : "network.refused.notEnterprise");
        }
        Portal created = portalCreation.create(actorId, title, name, main.zone());
        plans.startNetworkTrial(created.id());
        long networkId =
                main.networkId() != null ? main.networkId() : networks.create(main.id(), main.zone(), clock.instant());
        networks.attach(created.id(), networkId, clock.instant());
        String actor = actorName(actorId);
        networkLog.record(main.id(), NetworkEvent.CONNECTED, created.title(), actor);
        networkLog.record(created.id(), NetworkEvent.CONNECTED, main.title(), actor);
        if (administratorEmail != null && !administratorEmail.isBlank()) {
            invitations.inviteAsPortal(created, administratorEmail, MemberRole.ADMINISTRATOR);
        }
        log.info("Person {} created portal {} as a branch of network {}", actorId, created.id(), networkId);
        return created;
    }

    /** Invites people into a branch in the branch's own name, on a network manager's word; at most 50 at once. */
    @Transactional
    public void inviteIntoBranch(long actorId, long mainPortalId, long branchPortalId, List<String> emails) {
        requireAdministrator(actorId, mainPortalId);
        NetworkPortal main = portal(mainPortalId);
        networks.portal(branchPortalId)
                .filter(found ->
                        main.main() && found.branch() && found.networkId().equals(main.networkId()))
                .orElseThrow(() -> new NotFoundException("Branch"));
        if (emails.isEmpty()) {
            throw new Refusal("emails", "email.missing");
        }
        if (emails.size() > 50) {
            throw new Refusal("emails", "network.invite.tooMany", 50);
        }
        Portal branch = directory.findById(branchPortalId).orElseThrow();
        for (String email : emails) {
            try {
                invitations.inviteAsPortal(branch, email, MemberRole.EMPLOYEE);
            } catch (Refusal refusal) {
                throw new Refusal("emails", "network.invite.failed", email, refusal.messageKey());
            }
        }
        log.info("Person {} invited {} people into branch {}", actorId, emails.size(), branchPortalId);
    }

    /** Lists the pending requests where the portal is either side. */
    public List<NetworkRequest> pendingRequests(long portalId) {
        return requests.pendingOf(portalId);
    }

    public List<NetworkLogEntry> log(long portalId) {
        return networkLog.entries(portalId, 200);
    }

    private void connect(NetworkPortal main, NetworkPortal branch, String actor) {
        if (!branch.paid()) {
            plans.startNetworkTrial(branch.id());
        }
        long networkId =
                main.networkId() != null ? main.networkId() : networks.create(main.id(), main.zone(), clock.instant());
        networks.attach(branch.id(), networkId, clock.instant());
        for (NetworkRequest other : requests.pendingInvolvingBranch(branch.id())) {
            requests.answer(other.id(), NetworkRequest.State.WITHDRAWN, null, clock.instant());
        }
        networkLog.record(main.id(), NetworkEvent.CONNECTED, branch.title(), actor);
        networkLog.record(branch.id(), NetworkEvent.CONNECTED, main.title(), actor);
        notices.tellAdministrators(branch.id(), NetworkEvent.CONNECTED, main.title(), settingsLink(branch.id()));
        notices.tellAdministrators(main.id(), NetworkEvent.CONNECTED, branch.title(), settingsLink(main.id()));
        log.info("Portal {} connected to network {} of main portal {}", branch.id(), networkId, main.id());
    }

    private void separate(NetworkPortal main, NetworkPortal branch) {
        networks.detach(branch.id());
        if (networks.branchCount(main.networkId()) == 0) {
            networks.dissolve(main.networkId());
        }
    }

    private void closeRequest(NetworkRequest request, NetworkEvent event, String actor, long notifiedPortalId) {
        NetworkPortal main = portal(request.mainPortalId());
        NetworkPortal branch = portal(request.branchPortalId());
        networkLog.record(main.id(), event, branch.title(), actor);
        networkLog.record(branch.id(), event, main.title(), actor);
        NetworkPortal other = notifiedPortalId == main.id() ? branch : main;
        notices.tellAdministrators(notifiedPortalId, event, other.title(), settingsLink(notifiedPortalId));
    }

    private NetworkRequest lockPending(long requestId, long hostPortalId) {
        requests.findFor(requestId, hostPortalId).orElseThrow(() -> new NotFoundException("Request"));
        NetworkRequest request = requests.lock(requestId).orElseThrow(() -> new NotFoundException("Request"));
        if (request.state() == NetworkRequest.State.EXPIRED) {
            throw new Refusal(null, "network.request.expired");
        }
        if (request.state() != NetworkRequest.State.PENDING) {
            throw new Refusal(null, "network.request.answered");
        }
        return request;
    }

    /** Raises a refusal naming the broken rule to administrators of the portal it concerns, a generic one otherwise. */
    private void checkRules(long actorId, NetworkPortal main, NetworkPortal branch) {
        var broken = ConnectionRules.check(main, branch);
        if (broken.isPresent()) {
            boolean mayKnow = directory.isActiveAdministrator(broken.get().concernedPortalId(), actorId);
            throw new Refusal("address", mayKnow ? broken.get().messageKey() : "network.refused.generic");
        }
    }

    private void requireAdministrator(long actorId, long portalId) {
        if (!directory.isActiveAdministrator(portalId, actorId)) {
            throw new Refusal(null, "network.notAdministrator");
        }
    }

    private String actorName(long actorId) {
        return directory.person(actorId).map(person -> person.name()).orElse(null);
    }

    private String settingsLink(long portalId) {
        return directory
                .findById(portalId)
                .map(found -> directory.url(found, "/settings/network"))
                .orElse("");
    }
}
