package dev.canopy.demo;

import dev.canopy.branches.BranchNetwork;
import dev.canopy.directory.DirectorySeeding;
import dev.canopy.directory.MemberRole;
import dev.canopy.directory.Portal;
import dev.canopy.directory.PortalCreation;
import dev.canopy.notifications.Notifier;
import dev.canopy.plans.Plan;
import dev.canopy.plans.Plans;
import dev.canopy.structure.CompanyStructure;
import dev.canopy.tenancy.PortalScope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo group: a head office and two regional offices (one in the eu zone when it is configured), 30 people with
 * positions, departments a few levels deep with heads, and some people who work in two or three portals. Everything
 * goes through the same services as the product, so the data obeys the product's rules.
 */
final class DemoCompany {

    static final String PASSWORD = "demo-password";
    static final String DOMAIN = "@larchwood.example";

    private final DirectorySeeding directory;
    private final PortalCreation portalCreation;
    private final CompanyStructure structure;
    private final Notifier notifier;
    private final PortalScope portalScope;
    private final Plans plans;
    private final BranchNetwork network;
    private final String euZone;
    private final Map<String, Long> persons = new LinkedHashMap<>();
    private final Map<String, Portal> portals = new LinkedHashMap<>();
    private final Map<String, Long> members = new LinkedHashMap<>();

    DemoCompany(
            DirectorySeeding directory,
            PortalCreation portalCreation,
            CompanyStructure structure,
            Notifier notifier,
            PortalScope portalScope,
            Plans plans,
            BranchNetwork network,
            String euZone) {
        this.plans = plans;
        this.network = network;
        this.directory = directory;
        this.portalCreation = portalCreation;
        this.structure = structure;
        this.notifier = notifier;
        this.portalScope = portalScope;
        this.euZone = euZone;
    }

    /** Returns the email of every demo person, in the order they were added. */
    List<String> emails() {
        return persons.keySet().stream().map(DemoCompany::email).toList();
    }

    List<Portal> portals() {
        return List.copyOf(portals.values());
    }

    void build() {
        headOffice();
        northOffice();
        europeOffice();
        branchNetwork();
        for (Portal portal : portals.values()) {
            notifier.notifyAdministrators(
                    portal.id(), "notification.demoWelcome", List.of(portal.title()), "/structure");
        }
    }

    private void headOffice() {
        Portal office = portal("Larchwood Group", "larchwood", "default", "Margaret Holt", "Chief Executive Officer");
        hire(office, "Rachel Adams", MemberRole.ADMINISTRATOR, "Head of People and Culture");
        hire(office, "Viktor Petrov", MemberRole.ADMINISTRATOR, "Head of IT");
        hire(office, "Daniel Okafor", MemberRole.EMPLOYEE, "Chief Financial Officer");
        hire(office, "Priya Natarajan", MemberRole.EMPLOYEE, "Accountant");
        hire(office, "Tom Becker", MemberRole.EMPLOYEE, "Financial Controller");
        hire(office, "Elena Rossi", MemberRole.EMPLOYEE, "Sales Director");
        hire(office, "James Whitfield", MemberRole.EMPLOYEE, "Key Account Manager");
        hire(office, "Sofia Lindqvist", MemberRole.EMPLOYEE, "Account Executive");
        hire(office, "Aisha Rahman", MemberRole.EMPLOYEE, "Head of Online Sales");
        hire(office, "Lucas Moreau", MemberRole.EMPLOYEE, "E-commerce Specialist");
        hire(office, "Henrik Larsen", MemberRole.EMPLOYEE, "Chief Operating Officer");
        hire(office, "Carlos Mendes", MemberRole.EMPLOYEE, "Logistics Manager");
        hire(office, "Nina Kowalski", MemberRole.EMPLOYEE, "Dispatcher");
        hire(office, "Yuki Tanaka", MemberRole.EMPLOYEE, "Production Manager");
        hire(office, "Omar Haddad", MemberRole.EMPLOYEE, "Machine Operator");
        hire(office, "Grace Mitchell", MemberRole.EMPLOYEE, "Quality Inspector");
        hire(office, "Ben Carter", MemberRole.EMPLOYEE, "Recruiter");
        hire(office, "Lena Fischer", MemberRole.EMPLOYEE, "Systems Administrator");

        long top = headOf(office, "Margaret Holt");
        department(office, top, "Finance", "Daniel Okafor", "Priya Natarajan", "Tom Becker");
        long sales = department(office, top, "Sales", "Elena Rossi");
        department(office, sales, "Key Accounts", "James Whitfield", "Sofia Lindqvist");
        department(office, sales, "Online Sales", "Aisha Rahman", "Lucas Moreau");
        long operations = department(office, top, "Operations", "Henrik Larsen");
        department(office, operations, "Logistics", "Carlos Mendes", "Nina Kowalski");
        department(office, operations, "Production", "Yuki Tanaka", "Omar Haddad", "Grace Mitchell");
        department(office, top, "People and Culture", "Rachel Adams", "Ben Carter");
        department(office, top, "IT", "Viktor Petrov", "Lena Fischer");
    }

    private void northOffice() {
        Portal office = portal("Larchwood North", "larchwood-north", "default", "Fiona MacLeod", "Regional Director");
        hire(office, "Henrik Larsen", MemberRole.ADMINISTRATOR, "Chief Operating Officer");
        hire(office, "Ian Douglas", MemberRole.EMPLOYEE, "Regional Sales Manager");
        hire(office, "Chloe Wright", MemberRole.EMPLOYEE, "Sales Representative");
        hire(office, "Elena Rossi", MemberRole.EMPLOYEE, "Sales Director, Group");
        hire(office, "Sam O'Neill", MemberRole.EMPLOYEE, "Warehouse Supervisor");
        hire(office, "Ruth Campbell", MemberRole.EMPLOYEE, "Stock Controller");

        long top = headOf(office, "Fiona MacLeod");
        place(office, top, "Henrik Larsen");
        department(office, top, "Sales North", "Ian Douglas", "Chloe Wright", "Elena Rossi");
        department(office, top, "Warehouse", "Sam O'Neill", "Ruth Campbell");
    }

    private void europeOffice() {
        Portal office = portal("Larchwood Europe", "larchwood-eu", euZone, "Klaus Weber", "Managing Director");
        hire(office, "Margaret Holt", MemberRole.ADMINISTRATOR, "Chief Executive Officer, Group");
        hire(office, "Marie Dubois", MemberRole.EMPLOYEE, "Head of Sales Europe");
        hire(office, "Giulia Bianchi", MemberRole.EMPLOYEE, "Sales Representative");
        hire(office, "Elena Rossi", MemberRole.EMPLOYEE, "Sales Director, Group");
        hire(office, "Jan de Vries", MemberRole.EMPLOYEE, "Customer Support Lead");
        hire(office, "Eva Novak", MemberRole.EMPLOYEE, "Support Specialist");
        hire(office, "Pablo Ortega", MemberRole.EMPLOYEE, "Accountant");

        long top = headOf(office, "Klaus Weber");
        place(office, top, "Margaret Holt", "Pablo Ortega");
        long sales = department(office, top, "Sales Europe", "Marie Dubois", "Giulia Bianchi");
        place(office, sales, "Elena Rossi");
        department(office, top, "Customer Support", "Jan de Vries", "Eva Novak");
    }

    /**
     * Unites the head office and the offices of its zone into a branch network: North joins by a request it accepts,
     * South and the Outlet are created as branches, and the Outlet falls to Free, so the widget shows it suspended.
     * The Europe office stays independent, since a network lives in one zone.
     */
    private void branchNetwork() {
        Portal head = portals.get("larchwood");
        Portal north = portals.get("larchwood-north");
        long margaret = person("Margaret Holt");
        plans.choose(head.id(), Plan.ENTERPRISE, 12);
        var request = network.invite(margaret, head.id(), north.id());
        network.accept(person("Fiona MacLeod"), north.id(), request.id());

        Portal south = network.createBranch(margaret, head.id(), "Larchwood South", "larchwood-south", null);
        portals.put(south.name(), south);
        hire(south, "Margaret Holt", MemberRole.ADMINISTRATOR, "Chief Executive Officer, Group");
        hire(south, "Carlos Mendes", MemberRole.ADMINISTRATOR, "Branch Manager");
        hire(south, "Elena Rossi", MemberRole.EMPLOYEE, "Sales Director, Group");
        hire(south, "Hannah Berg", MemberRole.EMPLOYEE, "Sales Representative");
        hire(south, "Oliver Grant", MemberRole.EMPLOYEE, "Warehouse Assistant");
        long top = headOf(south, "Carlos Mendes");
        department(south, top, "Sales South", "Hannah Berg", "Elena Rossi");

        Portal outlet = network.createBranch(margaret, head.id(), "Larchwood Outlet", "larchwood-outlet", null);
        portals.put(outlet.name(), outlet);
        hire(outlet, "Margaret Holt", MemberRole.ADMINISTRATOR, "Chief Executive Officer, Group");
        hire(outlet, "Zoe Palmer", MemberRole.EMPLOYEE, "Store Manager");
        plans.choose(outlet.id(), Plan.FREE, 0);
    }

    /** Creates a portal with its creator as first administrator, and returns it. */
    private Portal portal(String title, String name, String zone, String creator, String position) {
        Portal portal = portalCreation.create(person(creator), title, name, zone);
        portals.put(name, portal);
        hire(portal, creator, MemberRole.ADMINISTRATOR, position);
        return portal;
    }

    private void hire(Portal portal, String name, MemberRole role, String position) {
        long memberId = directory.addActiveMember(portal.id(), person(name), role, position);
        members.put(portal.name() + "/" + name, memberId);
    }

    /** Puts members into a department without changing its head. */
    private void place(Portal portal, long department, String... names) {
        portalScope.runAs(portal.id(), () -> {
            for (String name : names) {
                structure.addMember(portal.id(), department, member(portal, name));
            }
        });
    }

    /** Makes the person head of the portal's top department and returns that department's id. */
    private long headOf(Portal portal, String head) {
        return portalScope.callAs(portal.id(), () -> {
            long top = structure.topDepartmentId(portal.id());
            structure.setHead(portal.id(), top, member(portal, head));
            return top;
        });
    }

    /** Adds a department with its head and members, who are all placed in it, and returns its id. */
    private long department(Portal portal, long parent, String name, String head, String... members) {
        return portalScope.callAs(portal.id(), () -> {
            long id = structure.add(portal.id(), parent, name);
            structure.setHead(portal.id(), id, member(portal, head));
            structure.addMember(portal.id(), id, member(portal, head));
            for (String each : members) {
                structure.addMember(portal.id(), id, member(portal, each));
            }
            return id;
        });
    }

    private long member(Portal portal, String name) {
        Long memberId = members.get(portal.name() + "/" + name);
        if (memberId == null) {
            throw new IllegalStateException(name + " was not hired into " + portal.name() + " before being placed");
        }
        return memberId;
    }

    /** Returns the person id, adding the person with the demo password the first time the name appears. */
    private long person(String name) {
        return persons.computeIfAbsent(name, key -> directory.addVerifiedPerson(email(key), PASSWORD, key));
    }

    static String email(String name) {
        return name.toLowerCase().replace("'", "").replace(' ', '.') + DOMAIN;
    }
}
