package dev.canopy.branches;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.directory.Accounts;
import dev.canopy.directory.Portal;
import dev.canopy.directory.PortalCreation;
import dev.canopy.plans.Plan;
import dev.canopy.plans.Plans;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.People;
import dev.canopy.web.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@CanopyTest
class NetworkRacesIntegrationTest {

    @Autowired
    BranchNetwork network;

    @Autowired
    Plans plans;

    @Autowired
    Accounts accounts;

    @Autowired
    PortalCreation portalCreation;

    @Autowired
    JdbcClient jdbc;

    People people;

    @BeforeEach
    void setUp() {
        people = new People(accounts, portalCreation, jdbc);
    }

    @Test
    void twoNetworksConnectingOnePortalAtOnceGetOneConnection() throws Exception {
        for (int round = 0; round < 5; round++) {
            long ann = people.person("Ann");
            Portal first = enterprise(ann, "First", "racefirst" + round);
            Portal second = enterprise(ann, "Second", "racesecond" + round);
            Portal shop = people.portal(ann, "Shop", "raceshop" + round);

            List<String> outcomes = race(
                    () -> network.connectAtOnce(ann, first.id(), shop.id()),
                    () -> network.connectAtOnce(ann, second.id(), shop.id()));

            assertThat(outcomes).containsExactlyInAnyOrder("ok", "network.refused.alreadyInNetwork");
            Long networkId = network.portal(shop.id()).networkId();
            assertThat(networkId).isNotNull();
            assertThat(events(shop.id())).containsOnlyOnce(NetworkEvent.CONNECTED);
        }
    }

    @Test
    void twoAdministratorsAcceptingOneRequestAtOnceHaveOneEffect() throws Exception {
        for (int round = 0; round < 5; round++) {
            long ann = people.person("Ann");
            long bob = people.person("Bob");
            long cid = people.person("Cid");
            Portal head = enterprise(ann, "Head", "acchead" + round);
            Portal shop = people.portal(bob, "Shop", "accshop" + round);
            people.join(shop.id(), cid, "ADMINISTRATOR");
            long requestId = network.invite(ann, head.id(), shop.id()).id();

            List<String> outcomes = race(
                    () -> network.accept(bob, shop.id(), requestId), () -> network.accept(cid, shop.id(), requestId));

            assertThat(outcomes).containsExactlyInAnyOrder("ok", "network.request.answered");
            assertThat(events(shop.id())).containsOnlyOnce(NetworkEvent.CONNECTED);
            assertThat(events(head.id())).containsOnlyOnce(NetworkEvent.CONNECTED);
        }
    }

    private List<String> race(Runnable first, Runnable second) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Callable<String>> calls = new ArrayList<>();
        for (Runnable action : List.of(first, second)) {
            calls.add(() -> {
                start.await();
                try {
                    action.run();
                    return "ok";
                } catch (Refusal refusal) {
                    return refusal.messageKey();
                }
            });
        }
        List<Future<String>> futures = new ArrayList<>();
        for (Callable<String> call : calls) {
            futures.add(threads.submit(call));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> future : futures) {
            outcomes.add(future.get());
        }
        threads.shutdown();
        return outcomes;
    }

    private Portal enterprise(long owner, String title, String name) {
        Portal portal = people.portal(owner, title, name);
        plans.choose(portal.id(), Plan.ENTERPRISE, 12);
        return portal;
    }

    private List<NetworkEvent> events(long portalId) {
        return network.log(portalId).stream().map(NetworkLogEntry::event).toList();
    }
}
