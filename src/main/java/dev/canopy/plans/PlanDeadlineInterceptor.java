package dev.canopy.plans;

import dev.canopy.directory.CurrentMember;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Ends a portal's plan whose end has passed before any other interceptor or controller reads it. The sweep does the
 * same within one sweep interval, but a page requested in between would otherwise show the ended plan and the
 * standing that goes with it.
 */
@Configuration(proxyBeanMethods = false)
class PlanDeadlineInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final PlanDeadlines deadlines;

    PlanDeadlineInterceptor(PlanDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this)
                .excludePathPatterns("/css/**", "/js/**", "/webjars/**", "/favicon.ico")
                .order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        CurrentMember.find(request)
                .ifPresent(member -> deadlines.endIfPassed(member.portal().id()));
        return true;
    }
}
