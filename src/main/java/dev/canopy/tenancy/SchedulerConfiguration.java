package dev.canopy.tenancy;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The persistent, cluster-safe scheduler (db-scheduler) on the application database. It reads the application
 * clock, and schedules join the caller's transaction, so a deadline is stored exactly when the change it belongs to
 * commits. Modules contribute their tasks as beans.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean
    Scheduler scheduler(
            DataSource dataSource,
            List<Task<?>> tasks,
            Clock clock,
            @Value("${canopy.scheduler.polling-interval:10s}") Duration pollingInterval,
            @Value("${canopy.scheduler.threads:4}") int threads) {
        // Recurring tasks are start tasks: each node schedules their first run when it starts, unless one exists.
        List<Task<?>> oneTime = tasks.stream()
                .filter(task -> !(task instanceof RecurringTask<?>))
                .toList();
        List<RecurringTask<?>> recurring = tasks.stream()
                .filter(task -> task instanceof RecurringTask<?>)
                .<RecurringTask<?>>map(task -> (RecurringTask<?>) task)
                .toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), oneTime)
                .startTasks(recurring)
                .tableName("directory.scheduled_tasks")
                .clock(clock::instant)
                .pollingInterval(pollingInterval)
                .threads(threads)
                .alwaysPersistTimestampInUTC()
                .commitWhenAutocommitDisabled(false)
                .build();
    }

    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
