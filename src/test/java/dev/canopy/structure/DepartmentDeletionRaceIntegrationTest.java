package dev.canopy.structure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import dev.canopy.support.TestMembers;
import dev.canopy.tenancy.PortalScope;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A change to a department that another administrator deletes at the same moment. */
@CanopyTest
class DepartmentDeletionRaceIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CompanyStructure structure;

    @Autowired
    PortalScope portalScope;

    @Test
    void placingMemberInDepartmentBeingDeletedIsNotFound() throws Exception {
        Canopy canopy = new Canopy(port);
        TestMembers members = new TestMembers(jdbc);
        try (HttpBrowser admin = new HttpBrowser()) {
            canopy.register(admin, "ann@race.example", "Ann Founder");
            canopy.createPortal(admin, "Race Corp", "race-corp");
            long portalId = members.portalId("race-corp");
            long ann = members.memberId("race-corp", "ann@race.example");
            long top = TestMembers.departmentId(
                    admin.open(canopy.portal("race-corp", "/structure")).body(), "Race Corp");
            admin.post(
                    canopy.portal("race-corp", "/structure/departments"),
                    "parent",
                    Long.toString(top),
                    "name",
                    "Doomed");
            long doomed = TestMembers.departmentId(
                    admin.open(canopy.portal("race-corp", "/structure")).body(), "Doomed");

            CountDownLatch deleted = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            var deletion = CompletableFuture.runAsync(() -> portalScope.runAs(portalId, () -> {
                structure.delete(portalId, doomed, null);
                deleted.countDown();
                await(commit);
            }));
            assertThat(deleted.await(10, TimeUnit.SECONDS))
                    .as("deletion started")
                    .isTrue();
            var placing = CompletableFuture.supplyAsync(() -> admin.post(
                    canopy.portal("race-corp", "/structure/departments/" + doomed + "/members"),
                    "member",
                    Long.toString(ann)));
            Thread.sleep(500);
            commit.countDown();
            deletion.get(10, TimeUnit.SECONDS);

            assertThat(placing.get(10, TimeUnit.SECONDS).status()).isEqualTo(404);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
