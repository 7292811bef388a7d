package dev.canopy.structure;

import dev.canopy.directory.PortalMember;
import java.util.List;

/**
 * One department of the tree as the Structure page shows it.
 *
 * @param parentId the department above this one, or null for the top department
 * @param head the head, or null when the department has none or its head is no longer an active member
 * @param members the active members placed in this department, by name
 */
public record DepartmentNode(
        long id,
        String name,
        Long parentId,
        PortalMember head,
        List<PortalMember> members,
        List<DepartmentNode> children) {

    public boolean top() {
        return parentId == null;
    }

    public boolean empty() {
        return members.isEmpty() && children.isEmpty();
    }
}
