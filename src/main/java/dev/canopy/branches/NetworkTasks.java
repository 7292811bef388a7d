package dev.canopy.branches;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.beans.factory.ObjectProvider;
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
}
