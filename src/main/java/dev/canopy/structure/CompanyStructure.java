package dev.canopy.structure;

import dev.canopy.directory.PortalMembers;
import dev.canopy.web.PlainText;
import dev.canopy.web.Refusal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and edits a portal's department tree. Every id is looked up inside the given portal only, so an id of another
 * portal raises {@link NotFoundException} and changes nothing. Callers run inside that portal's scope.
 */
@Service
public class CompanyStructure {

    static final int MAX_NAME = 100;
    private static final Logger log = LoggerFactory.getLogger(CompanyStructure.class);

    private final Departments departments;
    private final PortalMembers members;

    CompanyStructure(Departments departments, PortalMembers members) {
        this.departments = departments;
        this.members = members;
    }

    /** Returns the portal's tree from the top department down, with heads and active members. */
    @Transactional(readOnly = true)
    public DepartmentNode tree(long portalId) {
        return view(portalId).root();
    }

    /** Lists the portal's departments depth-first, for pickers. */
    @Transactional(readOnly = true)
    public List<DepartmentOption> options(long portalId) {
        return view(portalId).options();
    }

    /** Returns one department with its head, members and sub-departments. */
    @Transactional(readOnly = true)
    public DepartmentNode find(long portalId, long id) {
        department(portalId, id);
        return view(portalId).find(id).orElseThrow(() -> new NotFoundException("department", id));
    }

    @Transactional(readOnly = true)
    public long topDepartmentId(long portalId) {
        return departments.all(portalId).stream()
                .filter(Department::top)
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Transactional
    public long add(long portalId, long parentId, String name) {
        String cleanName = checkName(name);
        Department parent = department(portalId, parentId);

        long id = departments.insert(portalId, parent.id(), cleanName);
        log.info("Department {} added under {} in portal {}", id, parent.id(), portalId);
        return id;
    }

    @Transactional
    public void rename(long portalId, long id, String name) {
        String cleanName = checkName(name);
        department(portalId, id);

        departments.rename(portalId, id, cleanName);
    }

    /** Moves a department under a new parent, which must be neither the department itself nor one below it. */
    @Transactional
    public void move(long portalId, long id, long parentId) {
        List<Department> all = departments.lockAll(portalId);
        Department department = department(portalId, id);
        Department parent = department(portalId, parentId);
        if (department.top()) {
            throw new Refusal("parent", "structure.move.top");
        }
        if (subtree(all, id).contains(parent.id())) {
            throw new Refusal("parent", "structure.move.cycle", department.name(), parent.name());
        }

        departments.move(portalId, id, parent.id());
        log.info("Department {} moved under {} in portal {}", id, parent.id(), portalId);
    }

    /**
     * Deletes a department. One that has sub-departments or members needs a target department that takes them; the
     * target cannot be the department itself or one below it.
     */
    @Transactional
    public void delete(long portalId, long id, Long targetId) {
        List<Department> all = departments.lockAll(portalId);
        Department department = department(portalId, id);
        if (department.top()) {
            throw new Refusal("target", "structure.delete.top");
        }
        DepartmentNode contents = view(portalId).find(id).orElseThrow();

        if (targetId == null) {
            if (!contents.empty()) {
                throw new Refusal("target", "structure.delete.targetMissing", department.name());
            }
            departments.delete(portalId, id);
        } else {
            Department target = department(portalId, targetId);
            if (subtree(all, id).contains(target.id())) {
                throw new Refusal("target", "structure.delete.targetInside", department.name());
            }
            departments.deleteInto(portalId, id, target.id());
        }
        log.info("Department {} deleted in portal {}", id, portalId);
    }

    /** Makes an active member the head of a department, or clears the head when {@code memberId} is null. */
    @Transactional
    public void setHead(long portalId, long id, Long memberId) {
        department(portalId, id);
        if (memberId != null) {
            activeMember(portalId, memberId);
        }

        departments.setHead(portalId, id, memberId);
    }

    @Transactional
    public void addMember(long portalId, long id, long memberId) {
        department(portalId, id);
        activeMember(portalId, memberId);

        departments.addMember(portalId, id, memberId);
    }

    @Transactional
    public void removeMember(long portalId, long id, long memberId) {
        department(portalId, id);
        activeMember(portalId, memberId);

        departments.removeMember(portalId, id, memberId);
    }

    private StructureTree view(long portalId) {
        return new StructureTree(
                departments.all(portalId), departments.placements(portalId), members.activeMembers(portalId));
    }

    /**
     * Finds a department that a change is about and locks it, so that a concurrent deletion either waits for the change
     * or has already removed the department, which then is not found.
     */
    private Department department(long portalId, long id) {
        return departments.findLocked(portalId, id).orElseThrow(() -> new NotFoundException("department", id));
    }

    private void activeMember(long portalId, long memberId) {
        if (members.activeMember(portalId, memberId).isEmpty()) {
            throw new NotFoundException("member", memberId);
        }
    }

    /** Returns the ids of the department and of every department below it. */
    private static Set<Long> subtree(List<Department> all, long rootId) {
        Set<Long> found = new HashSet<>(Set.of(rootId));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Department department : all) {
                if (department.parentId() != null
                        && found.contains(department.parentId())
                        && found.add(department.id())) {
                    grew = true;
                }
            }
        }
        return found;
    }

    static String checkName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new Refusal("name", "structure.name.missing");
        }
        if (clean.length() > MAX_NAME || PlainText.hasControlCharacters(clean)) {
            throw new Refusal("name", "structure.name.invalid", MAX_NAME);
        }
        return clean;
    }

    /** Raised when an id names no department or active member of the portal. */
    public static class NotFoundException extends RuntimeException {

        NotFoundException(String kind, long id) {
            super("No " + kind + " " + id + " in this portal");
        }
    }
}
