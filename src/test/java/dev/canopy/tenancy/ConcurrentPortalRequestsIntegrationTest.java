package dev.canopy.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.support.Canopy;
import dev.canopy.support.CanopyTest;
import dev.canopy.support.HttpBrowser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@CanopyTest
class ConcurrentPortalRequestsIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void interleavedRequestsEachSeeOnlyTheirPortal() throws Exception {
        Canopy canopy = new Canopy(port);
        try (HttpBrowser ann = new HttpBrowser();
                HttpBrowser bob = new HttpBrowser()) {
            canopy.register(ann, "ann@example.com", "Ann Acme");
            canopy.createPortal(ann, "Acme", "acme");
            canopy.register(bob, "bob@example.com", "Bob Globex");
            canopy.createPortal(bob, "Globex", "globex");

            ExecutorService threads = Executors.newFixedThreadPool(16);
            List<Callable<String>> requests = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                boolean acme = i % 2 == 0;
                requests.add(() -> {
                    String body = acme
                            ? ann.get(canopy.portal("acme", "/members")).body()
                            : bob.get(canopy.portal("globex", "/members")).body();
                    String own = acme ? "Ann Acme" : "Bob Globex";
                    String other = acme ? "Bob Globex" : "Ann Acme";
                    return body.contains(own) && !body.contains(other) ? "ok" : "mixed: " + (acme ? "acme" : "globex");
                });
            }
            List<String> outcomes = new ArrayList<>();
            try {
                for (Future<String> outcome : threads.invokeAll(requests)) {
                    outcomes.add(outcome.get());
                }
            } finally {
                threads.shutdownNow();
            }

            assertThat(outcomes).hasSize(200).containsOnly("ok");
        }
    }
}
