package dev.canopy.structure;

import dev.canopy.directory.PortalMember;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the nested view of a portal's departments from their flat rows. */
final class StructureTree {

    private final Map<Long, List<Department>> childrenByParent = new HashMap<>();
    private final Map<Long, List<PortalMember>> membersByDepartment = new HashMap<>();
    private final Map<Long, PortalMember> activeMembers;
    private final Department top;

    StructureTree(List<Department> departments, List<Departments.Placement> placements, List<PortalMember> members) {
        this.activeMembers = members.stream().collect(Collectors.toMap(PortalMember::memberId, Function.identity()));
        Department found = null;
        for (Department department : departments) {
            if (department.top()) {
                found = department;
            } else {
                childrenByParent
                        .computeIfAbsent(department.parentId(), id -> new ArrayList<>())
                        .add(department);
            }
        }
        this.top = found;
        for (Departments.Placement placement : placements) {
            PortalMember member = activeMembers.get(placement.memberId());
            if (member != null) {
                membersByDepartment
                        .computeIfAbsent(placement.departmentId(), id -> new ArrayList<>())
                        .add(member);
            }
        }
        Comparator<PortalMember> byName =
                Comparator.comparing((PortalMember member) -> member.name().toLowerCase());
        membersByDepartment.values().forEach(list -> list.sort(byName.thenComparing(PortalMember::memberId)));
    }

    DepartmentNode root() {
        return node(top);
    }

    Optional<DepartmentNode> find(long id) {
        return find(root(), id);
    }

    private static Optional<DepartmentNode> find(DepartmentNode node, long id) {
        if (node.id() == id) {
            return Optional.of(node);
        }
        return node.children().stream()
                .map(child -> find(child, id))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** Lists every department depth-first from the top, as pickers show them. */
    List<DepartmentOption> options() {
        List<DepartmentOption> options = new ArrayList<>();
        collect(top, 0, options);
        return options;
    }

    private DepartmentNode node(Department department) {
        List<DepartmentNode> children = childrenByParent.getOrDefault(department.id(), List.of()).stream()
                .map(this::node)
                .toList();
        PortalMember head = department.headMemberId() == null ? null : activeMembers.get(department.headMemberId());
        return new DepartmentNode(
                department.id(),
                department.name(),
                department.parentId(),
                head,
                membersByDepartment.getOrDefault(department.id(), List.of()),
                children);
    }

    private void collect(Department department, int depth, List<DepartmentOption> options) {
        options.add(new DepartmentOption(department.id(), department.name(), depth));
        for (Department child : childrenByParent.getOrDefault(department.id(), List.of())) {
            collect(child, depth + 1, options);
        }
    }
}
