package dev.canopy.notifications;

import dev.canopy.directory.CurrentMember;
import dev.canopy.web.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the signed-in member's unread count into every portal page's request, where the layout's bell reads it. It
 * runs inside the request's portal transaction that the directory's access filter opened.
 */
@Configuration(proxyBeanMethods = false)
class UnreadCountInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final Notifications notifications;

    UnreadCountInterceptor(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/css/**", "/js/**", "/webjars/**", "/favicon.ico");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        CurrentMember.find(request)
                .ifPresent(member -> request.setAttribute(
                        Pages.UNREAD_NOTIFICATIONS_ATTRIBUTE,
                        notifications.unreadCount(
                                member.portal().id(), member.membership().id())));
        return true;
    }
}
