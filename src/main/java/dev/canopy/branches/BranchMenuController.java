package dev.canopy.branches;

import dev.canopy.directory.CurrentMember;
import dev.canopy.directory.PortalDirectory;
import dev.canopy.structure.CompanyStructure;
import dev.canopy.tenancy.PortalScope;
import dev.canopy.web.FormErrors;
import dev.canopy.web.NotFoundException;
import dev.canopy.web.Pages;
import dev.canopy.web.PortalPage;
import dev.canopy.web.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The network managers' menu on a branch, served on the main portal: inviting employees in the branch's name, the
 * branch's employees and department tree (read-only), and the disconnect confirmation. A branch outside this portal's network is not found.
 */
@Controller
@PortalPage
class BranchMenuController {

    private final BranchNetwork network;
    private final Networks networks;
    private final PortalDirectory directory;
    private final Pages pages;
    private final CompanyStructure structure;
    private final PortalScope portalScope;

    BranchMenuController(
            BranchNetwork network,
            Networks networks,
            PortalDirectory directory,
            Pages pages,
            CompanyStructure structure,
            PortalScope portalScope) {
        this.structure = structure;
        this.portalScope = portalScope;
        this.network = network;
        this.networks = networks;
        this.directory = directory;
        this.pages = pages;
    }

    @GetMapping("/network/branches/{branchId}/employees")
    String employees(@PathVariable String branchId, HttpServletRequest request, Model model) {
        NetworkPortal branch = managedBranch(request, branchId);
        model.addAttribute("page", pages.page(request, "network.employees.title", branch.title()));
        model.addAttribute("branchTitle", branch.title());
        model.addAttribute("members", directory.members(branch.id(), 1000));
        return "portal/branchEmployees";
    }

    @GetMapping("/network/branches/{branchId}/structure")
    String structure(@PathVariable String branchId, HttpServletRequest request, Model model) {
        NetworkPortal branch = managedBranch(request, branchId);
        model.addAttribute("page", pages.page(request, "network.structure.title", branch.title()));
        model.addAttribute("root", portalScope.callAs(branch.id(), () -> structure.tree(branch.id())));
        return "portal/branchStructure";
    }

    @GetMapping("/network/branches/{branchId}/invite")
    String inviteForm(@PathVariable String branchId, HttpServletRequest request, Model model) {
        NetworkPortal branch = managedBranch(request, branchId);
        return invitePage(request, model, branch, "", FormErrors.none(), null);
    }

    @PostMapping("/network/branches/{branchId}/invite")
    String invite(
            @PathVariable String branchId,
            @RequestParam(defaultValue = "") String emails,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        NetworkPortal branch = managedBranch(request, branchId);
        List<String> addresses = Arrays.stream(emails.split("[\\s,;]+"))
                .filter(each -> !each.isBlank())
                .toList();
        try {
            network.inviteIntoBranch(
                    CurrentMember.of(request).person().id(),
                    CurrentMember.of(request).portal().id(),
                    branch.id(),
                    addresses);
        } catch (Refusal refusal) {
            response.setStatus(422);
            return invitePage(request, model, branch, emails, FormErrors.of(refusal, pages), null);
        }
        return invitePage(
                request,
                model,
                branch,
                "",
                FormErrors.none(),
                pages.msg("network.invite.sent", addresses.size(), branch.title()));
    }

    private String invitePage(
            HttpServletRequest request,
            Model model,
            NetworkPortal branch,
            String emails,
            FormErrors errors,
            String notice) {
        model.addAttribute("page", pages.page(request, "network.invite.title", branch.title()));
        model.addAttribute("branchId", branch.id());
        model.addAttribute("branchTitle", branch.title());
        model.addAttribute("emails", emails);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        return "portal/branchInvite";
    }

    @GetMapping("/network/branches/{branchId}/disconnect")
    String confirmDisconnect(@PathVariable String branchId, HttpServletRequest request, Model model) {
        NetworkPortal branch = managedBranch(request, branchId, true);
        model.addAttribute("page", pages.page(request, "network.disconnect.title", branch.title()));
        model.addAttribute("branchId", branch.id());
        model.addAttribute("branchTitle", branch.title());
        model.addAttribute(
                "branchAddress",
                directory.host(
                        new dev.canopy.directory.Portal(branch.id(), branch.title(), branch.name(), branch.zone())));
        return "portal/branchDisconnect";
    }

    @PostMapping("/network/branches/{branchId}/disconnect")
    String disconnect(@PathVariable String branchId, HttpServletRequest request) {
        NetworkPortal branch = managedBranch(request, branchId, true);
        CurrentMember member = CurrentMember.of(request);
        network.disconnect(member.person().id(), member.portal().id(), branch.id());
        return "redirect:/settings/network?done=network.disconnected";
    }

    /**
     * Finds a branch of the network whose main portal serves this request, for one of its administrators. While the
     * network is disabled only disconnecting is offered, because the branches work alone.
     */
    private NetworkPortal managedBranch(HttpServletRequest request, String branchId) {
        return managedBranch(request, branchId, false);
    }

    private NetworkPortal managedBranch(HttpServletRequest request, String branchId, boolean whileDisabled) {
        CurrentMember member = CurrentMember.of(request);
        if (!member.administrator() || !branchId.matches("\\d{1,18}")) {
            throw new NotFoundException("Branch");
        }
        NetworkPortal main = networks.portal(member.portal().id())
                .filter(NetworkPortal::main)
                .filter(found -> whileDisabled || !found.networkDisabled())
                .orElseThrow(() -> new NotFoundException("Branch"));
        return networks.portal(Long.parseLong(branchId))
                .filter(NetworkPortal::branch)
                .filter(found -> found.networkId().equals(main.networkId()))
                .orElseThrow(() -> new NotFoundException("Branch"));
    }
}
