package dev.canopy.plans;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plans' deadlines on the persistent scheduler: one recurring sweep that the nodes take turns to run. */
@Configuration(proxyBeanMethods = false)
class PlanTasks {

    @Bean
    Task<Void> planDeadlineSweep(
            ObjectProvider<PlanDeadlines> deadlines,
            @Value("${canopy.deadlines.sweep-interval:1m}") Duration interval) {
        return Tasks.recurring("plan-deadlines", Schedules.fixedDelay(interval))
                .execute((instance, context) -> deadlines.getObject().sweep());
    }
}
