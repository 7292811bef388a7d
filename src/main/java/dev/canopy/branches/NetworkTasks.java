package dev.canopy.branches;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The network's deadlines on the persistent scheduler. */
@Configuration(proxyBeanMethods = false)
class NetworkTasks {

    @Bean
    Task<Long> networkRequestExpiry(ObjectProvider<BranchNetwork> network) {
        return Tasks.oneTime(BranchNetwork.REQUEST_EXPIRY)
                .execute((instance, context) -> network.getObject().expire(instance.getData()));
    }

    /** Blocks portals whose 15 days have passed; one recurring sweep that the nodes take turns to run. */
    @Bean
    Task<Void> networkDeadlineSweep(
            ObjectProvider<NetworkDeadlines> deadlines,
            @Value("${canopy.deadlines.sweep-interval:1m}") Duration interval) {
        return Tasks.recurring("network-deadlines", Schedules.fixedDelay(interval))
                .execute((instance, context) -> deadlines.getObject().sweep());
    }
}
