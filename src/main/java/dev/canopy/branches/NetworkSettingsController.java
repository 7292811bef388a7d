package dev.canopy.branches;

import dev.canopy.directory.CurrentMember;
import dev.canopy.directory.Portal;
import dev.canopy.directory.PortalDirectory;
import dev.canopy.web.FormErrors;
import dev.canopy.web.NotFoundException;
import dev.canopy.web.Pages;
import dev.canopy.web.PortalPage;
import dev.canopy.web.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Branch network page of a portal's settings, for its administrators. */
@Controller
@PortalPage
class NetworkSettingsController {

    /** The notices a redirect back to this page may name in "done"; any other value shows no notice. */
    private static final Set<String> NOTICES = Set.of(
            "network.connected",
            "network.requestSent",
            "network.branchCreated",
            "network.request.accepted",
            "network.request.declined",
            "network.request.withdrawn",
            "network.left",
            "network.disconnected");

    private static final DateTimeFormatter DATES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final BranchNetwork network;
    private final Networks networks;
    private final PortalDirectory directory;
    private final Pages pages;

    NetworkSettingsController(BranchNetwork network, Networks networks, PortalDirectory directory, Pages pages) {
        this.network = network;
        this.networks = networks;
        this.directory = directory;
        this.pages = pages;
    }

    @GetMapping("/settings/network")
    String settings(HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(request, response, model, FormErrors.none());
    }

    @PostMapping("/settings/network/connect")
    String connect(
            @RequestParam(defaultValue = "") String portal,
            @RequestParam(defaultValue = "") String address,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return act(request, response, model, member -> {
            long mainId = member.portal().id();
            long actorId = member.person().id();
            if (!portal.isBlank()) {
                long chosen = portal.matches("\\d{1,18}") ? Long.parseLong(portal) : -1;
                connectOrRequest(actorId, mainId, chosen, request);
                return;
            }
            Portal target = directory
                    .findByAddress(address)
                    .orElseThrow(() -> new Refusal(
                            "address", address.isBlank() ? "network.address.missing" : "network.address.unknown"));
            connectOrRequest(actorId, mainId, target.id(), request);
        });
    }

    private void connectOrRequest(long actorId, long mainId, long branchId, HttpServletRequest request) {
        if (directory.isActiveAdministrator(branchId, actorId)) {
            network.connectAtOnce(actorId, mainId, branchId);
            request.setAttribute("done", "network.connected");
        } else {
            directory.findById(branchId).orElseThrow(() -> new Refusal("address", "network.address.unknown"));
            network.invite(actorId, mainId, branchId);
            request.setAttribute("done", "network.requestSent");
        }
    }

    @PostMapping("/settings/network/ask")
    String ask(
            @RequestParam(defaultValue = "") String address,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return act(request, response, model, member -> {
            Portal main = directory
                    .findByAddress(address)
                    .orElseThrow(() -> new Refusal(
                            "address", address.isBlank() ? "network.address.missing" : "network.address.unknown"));
            network.askToJoin(member.person().id(), member.portal().id(), main.id());
            request.setAttribute("done", "network.requestSent");
        });
    }

    @PostMapping("/settings/network/branches")
    String createBranch(
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String administrator,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return act(request, response, model, member -> {
            network.createBranch(member.person().id(), member.portal().id(), title, name, administrator);
            request.setAttribute("done", "network.branchCreated");
        });
    }

    @PostMapping("/settings/network/requests/{requestId}/{answer}")
    String answer(
            @PathVariable String requestId,
            @PathVariable String answer,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!requestId.matches("\\d{1,18}")
                || !List.of("accept", "decline", "withdraw").contains(answer)) {
            throw new dev.canopy.web.NotFoundException("Request");
        }
        long id = Long.parseLong(requestId);
        return act(request, response, model, member -> {
            long actor = member.person().id();
            long host = member.portal().id();
            switch (answer) {
                case "accept" -> {
                    network.accept(actor, host, id);
                    request.setAttribute("done", "network.request.accepted");
                }
                case "decline" -> {
                    network.decline(actor, host, id);
                    request.setAttribute("done", "network.request.declined");
                }
                default -> {
                    network.withdraw(actor, host, id);
                    request.setAttribute("done", "network.request.withdrawn");
                }
            }
        });
    }

    @PostMapping("/settings/network/leave")
    String leave(HttpServletRequest request, HttpServletResponse response, Model model) {
        return act(request, response, model, member -> {
            network.leave(member.person().id(), member.portal().id());
            request.setAttribute("done", "network.left");
        });
    }

    /** Disconnects a branch from the settings page, which offers it while the network is disabled. */
    @PostMapping("/settings/network/disconnect")
    String disconnect(
            @RequestParam(defaultValue = "") String branch,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return act(request, response, model, member -> {
            if (!branch.matches("\\d{1,18}")) {
                throw new NotFoundException("Branch");
            }
            network.disconnect(member.person().id(), member.portal().id(), Long.parseLong(branch));
            request.setAttribute("done", "network.disconnected");
        });
    }

    private List<NetworkSettingsView.Option> disconnectable(NetworkPortal portal) {
        if (!portal.main() || !portal.networkDisabled()) {
            return List.of();
        }
        // NOTE: lists every branch on one page without paging, which is slow for networks of thousands of branches.
        return networks.branches(portal.networkId()).stream()
                .map(branch -> new NetworkSettingsView.Option(
                        branch.id(),
                        branch.title(),
                        directory.host(new Portal(branch.id(), branch.title(), branch.name(), branch.zone()))))
                .toList();
    }

    @GetMapping("/settings/network/log")
    String log(HttpServletRequest request, HttpServletResponse response, Model model) {
        CurrentMember member = CurrentMember.of(request);
        if (!member.administrator()) {
            return forbidden(request, response, model);
        }
        model.addAttribute("page", pages.page(request, "network.log.title"));
        model.addAttribute("entries", network.log(member.portal().id()));
        return "portal/networkLog";
    }

    private String act(
            HttpServletRequest request, HttpServletResponse response, Model model, Consumer<CurrentMember> action) {
        CurrentMember member = CurrentMember.of(request);
        if (!member.administrator()) {
            return forbidden(request, response, model);
        }
        try {
            action.accept(member);
        } catch (Refusal refusal) {
            response.setStatus(422);
            return page(request, response, model, FormErrors.of(refusal, pages));
        }
        return "redirect:/settings/network?done=" + request.getAttribute("done");
    }

    private String forbidden(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(403);
        model.addAttribute("page", pages.page(request, "error.forbidden"));
        model.addAttribute(
                "error",
                new dev.canopy.web.ErrorPages.ErrorView(
                        403, pages.msg("error.forbidden"), pages.msg("network.adminsOnly")));
        return "error";
    }

    private String page(HttpServletRequest request, HttpServletResponse response, Model model, FormErrors errors) {
        CurrentMember member = CurrentMember.of(request);
        if (!member.administrator()) {
            return forbidden(request, response, model);
        }
        long portalId = member.portal().id();
        NetworkPortal portal = network.portal(portalId);
        String mainTitle = portal.branch()
                ? networks.mainOf(portal.networkId()).map(NetworkPortal::title).orElse(null)
                : null;
        boolean canLead = portal.plan() == dev.canopy.plans.Plan.ENTERPRISE && !portal.branch();
        List<NetworkSettingsView.Option> eligible = canLead
                ? directory.administeredBy(member.person().id()).stream()
                        .filter(other -> other.id() != portalId)
                        .filter(other -> networks.portal(other.id())
                                .map(candidate ->
                                        ConnectionRules.check(portal, candidate).isEmpty())
                                .orElse(false))
                        .map(other -> new NetworkSettingsView.Option(other.id(), other.title(), directory.host(other)))
                        .toList()
                : List.of();
        var pending = network.pendingRequests(portalId);
        var incoming = pending.stream()
                .filter(each -> each.answeringPortalId() == portalId)
                .map(each -> row(each, portalId))
                .toList();
        var outgoing = pending.stream()
                .filter(each -> each.requestingPortalId() == portalId)
                .map(each -> row(each, portalId))
                .toList();
        String done = request.getParameter("done");
        String notice = done != null && NOTICES.contains(done) ? pages.msg(done) : null;
        int branchCount = portal.main() ? networks.branchCount(portal.networkId()) : 0;
        String zoneSuffix =
                directory.host(member.portal()).substring(member.portal().name().length());
        model.addAttribute("page", pages.page(request, "network.settings.title"));
        model.addAttribute(
                "view",
                new NetworkSettingsView(
                        portal,
                        mainTitle,
                        portal.branch() && network.mayLeave(portal),
                        canLead,
                        branchCount,
                        eligible,
                        disconnectable(portal),
                        incoming,
                        outgoing,
                        zoneSuffix,
                        notice));
        model.addAttribute("errors", errors);
        return "portal/networkSettings";
    }

    private NetworkSettingsView.RequestRow row(NetworkRequest request, long portalId) {
        long otherId = request.mainPortalId() == portalId ? request.branchPortalId() : request.mainPortalId();
        Portal other = directory.findById(otherId).orElseThrow();
        String kind = request.direction() == NetworkRequest.Direction.INVITE ? "invite" : "join";
        return new NetworkSettingsView.RequestRow(
                request.id(), other.title(), directory.host(other), kind, DATES.format(request.expiresAt()));
    }
}
