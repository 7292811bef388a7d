package dev.canopy.members;

import dev.canopy.web.FormErrors;
import java.util.List;

/**
 * The administrators' page for bringing people in: invite by email, add directly, and the portal's invite link.
 *
 * @param linkUrl the invite link's address, or null before it was first turned on
 * @param notice a confirmation of the last action, or null
 */
public record InvitePage(
        String email,
        String linkUrl,
        boolean linkEnabled,
        boolean linkNeedsApproval,
        Long linkDepartmentId,
        List<DepartmentOption> departments,
        String notice,
        FormErrors errors) {

    public boolean departmentSelected(long departmentId) {
        return linkDepartmentId != null && linkDepartmentId == departmentId;
    }
}
