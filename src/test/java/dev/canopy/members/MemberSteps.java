package dev.canopy.members;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.mail.Mailer;
import dev.canopy.support.Canopy;
import dev.canopy.support.HttpBrowser;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Steps the members tests share: portal ids, stored invitation links, and member rows read from the database. */
final class MemberSteps {

    private static final Pattern INVITATION_LINK = Pattern.compile("http://localhost:\\d+/invitations/[A-Za-z0-9_-]+");
    private static final Pattern ROW = Pattern.compile("<tr data-testid=\"member-row\" data-member-id=\"(\\d+)\">");

    private final Canopy canopy;
    private final JdbcClient jdbc;
    private final Mailer mailer;

    MemberSteps(Canopy canopy, JdbcClient jdbc, Mailer mailer) {
        this.canopy = canopy;
        this.jdbc = jdbc;
        this.mailer = mailer;
    }

    long portalId(String name) {
        return jdbc.sql("select id from directory.portals where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    long memberId(String portalName, String email) {
        return jdbc.sql("""
                        select m.id from directory.memberships m join directory.persons p on p.id = m.person_id
                        where m.portal_id = (select id from directory.portals where name = ?) and p.email = ?
                        union all
                        select m.id from directory.memberships m
                        where m.portal_id = (select id from directory.portals where name = ?) and m.invited_email = ?
                        """)
                .params(portalName, email, portalName, email)
                .query(Long.class)
                .single();
    }

    String state(long memberId) {
        return jdbc.sql("select state from directory.memberships where id = ?")
                .param(memberId)
                .query(String.class)
                .single();
    }

    String role(long memberId) {
        return jdbc.sql("select role from directory.memberships where id = ?")
                .param(memberId)
                .query(String.class)
                .single();
    }

    String position(long memberId) {
        return jdbc.sql("select position from directory.memberships where id = ?")
                .param(memberId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    long openInvitationId(String portalName, String email) {
        return jdbc.sql("""
                        select id from directory.invitations
                        where portal_id = (select id from directory.portals where name = ?) and email = ?
                          and accepted_at is null and withdrawn_at is null
                        """).params(portalName, email).query(Long.class).single();
    }

    /** Returns the invitation link of the newest mail stored for the portal, which must be an invitation. */
    String storedInvitationLink(String portalName) {
        var mails = mailer.portalMail(portalId(portalName), 1);
        assertThat(mails).as("stored mail of %s", portalName).isNotEmpty();
        Matcher link = INVITATION_LINK.matcher(mails.get(0).body());
        assertThat(link.find()).as("invitation link in %s", mails.get(0).body()).isTrue();
        return link.group();
    }

    static String invitationLink(String body) {
        Matcher link = INVITATION_LINK.matcher(body);
        assertThat(link.find()).as("invitation link in %s", body).isTrue();
        return link.group();
    }

    static long rowCount(String body) {
        return ROW.matcher(body).results().count();
    }

    /** Makes a registered person (signed in on their own browser) an active member by the administrator's hand. */
    void addDirectly(HttpBrowser administrator, String portalName, String email) {
        administrator.get(canopy.portal(portalName, "/members/invite"));
        var added = administrator.post(canopy.portal(portalName, "/members/add"), "email", email);
        assertThat(added.status()).as("adding %s", email).isEqualTo(302);
    }

    /** Registers a person and makes them an active member, signed in on the portal in their own browser. */
    HttpBrowser employee(HttpBrowser administrator, String portalName, String email, String name) {
        HttpBrowser browser = new HttpBrowser();
        canopy.register(browser, email, name);
        addDirectly(administrator, portalName, email);
        var home = browser.open(canopy.portal(portalName, "/"));
        assertThat(home.status()).as("%s enters %s", email, portalName).isEqualTo(200);
        return browser;
    }
}
