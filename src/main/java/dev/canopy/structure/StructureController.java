package dev.canopy.structure;

import dev.canopy.directory.CurrentMember;
import dev.canopy.directory.PortalMembers;
import dev.canopy.web.ErrorPages;
import dev.canopy.web.FormErrors;
import dev.canopy.web.Pages;
import dev.canopy.web.PortalPage;
import dev.canopy.web.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Structure page. Every active member views the department tree, and administrators edit it. Each change redirects
 * back to the page, and a refused change shows the page again with the reason and status 422.
 */
@Controller
@PortalPage
class StructureController {

    private static final int UNPROCESSABLE = 422;
    private static final String BACK = "redirect:/structure";

    private final CompanyStructure structure;
    private final PortalMembers members;
    private final Pages pages;
    private final ErrorPages errorPages;

    StructureController(CompanyStructure structure, PortalMembers members, Pages pages, ErrorPages errorPages) {
        this.structure = structure;
        this.members = members;
        this.pages = pages;
        this.errorPages = errorPages;
    }

    @GetMapping("/structure")
    String show(HttpServletRequest request, Model model) {
        return structurePage(request, model, FormErrors.none());
    }

    /** Shows a department's edit forms: as a page of its own, or as the fragment htmx puts under the department. */
    @GetMapping("/structure/departments/{id}")
    String editForm(@PathVariable long id, HttpServletRequest request, Model model) {
        CurrentMember member = administrator(request);
        long portalId = member.portal().id();
        DepartmentNode department = structure.find(portalId, id);
        model.addAttribute("page", pages.page(request, "structure.edit.title", department.name()));
        model.addAttribute("node", department);
        model.addAttribute("departments", structure.options(portalId));
        model.addAttribute("members", members.activeMembers(portalId));
        return request.getHeader("HX-Request") != null ? "structure/actions" : "structure/edit";
    }

    @PostMapping("/structure/departments")
    String add(
            @RequestParam long parent,
            @RequestParam(defaultValue = "") String name,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return edit(request, response, model, portalId -> structure.add(portalId, parent, name));
    }

    @PostMapping("/structure/departments/{id}/name")
    String rename(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String name,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return edit(request, response, model, portalId -> structure.rename(portalId, id, name));
    }

    @PostMapping("/structure/departments/{id}/parent")
    String move(
            @PathVariable long id,
            @RequestParam long parent,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return edit(request, response, model, portalId -> structure.move(portalId, id, parent));
    }

    @PostMapping("/structure/departments/{id}/head")
    String setHead(
            @PathVariable long id,
            @RequestParam(required = false) Long member,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return edit(request, response, model, portalId -> structure.setHead(portalId, id, member));
    }

    @PostMapping("/structure/departments/{id}/members")
    String addMember(
            @PathVariable long id,
            @RequestParam long member,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return edit(request, response, model, portalId -> structure.addMember(portalId, id, member));
    }

    @PostMapping("/structure/departments/{id}/members/{member}/remove")
    String removeMember(
            @PathVariable long id,
            @PathVariable long member,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return edit(request, response, model, portalId -> structure.removeMember(portalId, id, member));
    }

    @GetMapping("/structure/departments/{id}/delete")
    String deleteForm(@PathVariable long id, HttpServletRequest request, Model model) {
        CurrentMember member = administrator(request);
        return deletePage(request, model, member.portal().id(), id, FormErrors.none());
    }

    @PostMapping("/structure/departments/{id}/delete")
    String delete(
            @PathVariable long id,
            @RequestParam(required = false) Long target,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        CurrentMember member = administrator(request);
        try {
            structure.delete(member.portal().id(), id, target);
        } catch (Refusal refusal) {
            response.setStatus(UNPROCESSABLE);
            return deletePage(request, model, member.portal().id(), id, refusalErrors(refusal));
        }
        return BACK;
    }

    @ExceptionHandler(CompanyStructure.NotFoundException.class)
    void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errorPages.render(request, response, 404, "error.notFound", "error.notFound.message");
    }

    @ExceptionHandler(AdministratorsOnlyException.class)
    void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errorPages.render(request, response, 403, "error.forbidden", "structure.administratorsOnly");
    }

    private String edit(
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            java.util.function.LongConsumer change) {
        CurrentMember member = administrator(request);
        try {
            change.accept(member.portal().id());
        } catch (Refusal refusal) {
            response.setStatus(UNPROCESSABLE);
            return structurePage(request, model, refusalErrors(refusal));
        }
        return BACK;
    }

    private String structurePage(HttpServletRequest request, Model model, FormErrors errors) {
        CurrentMember member = CurrentMember.of(request);
        long portalId = member.portal().id();
        model.addAttribute("page", pages.page(request, "structure.title"));
        model.addAttribute("root", structure.tree(portalId));
        model.addAttribute("administrator", member.administrator());
        model.addAttribute("errors", errors);
        return "structure/page";
    }

    private String deletePage(HttpServletRequest request, Model model, long portalId, long id, FormErrors errors) {
        DepartmentNode department = structure.find(portalId, id);
        model.addAttribute("page", pages.page(request, "structure.delete.title", department.name()));
        model.addAttribute("department", department);
        model.addAttribute(
                "departments",
                structure.options(portalId).stream()
                        .filter(option -> option.id() != id)
                        .toList());
        model.addAttribute("errors", errors);
        return "structure/delete";
    }

    /** Shows a refusal at the top of the page, because the form that caused it is not part of the tree page. */
    private FormErrors refusalErrors(Refusal refusal) {
        return FormErrors.none().add(null, pages.msg(refusal.messageKey(), refusal.arguments()));
    }

    private static CurrentMember administrator(HttpServletRequest request) {
        CurrentMember member = CurrentMember.of(request);
        if (!member.administrator()) {
            throw new AdministratorsOnlyException();
        }
        return member;
    }

    /** Raised when a member who is not an administrator tries to change the structure. */
    static class AdministratorsOnlyException extends RuntimeException {

        AdministratorsOnlyException() {
            super("Only administrators edit the company structure");
        }
    }
}
