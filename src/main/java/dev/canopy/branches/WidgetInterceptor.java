package dev.canopy.branches;

import dev.canopy.directory.CurrentMember;
import dev.canopy.web.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Tells the layout whether to show the network widget to the member a portal page is rendered for. */
@Configuration(proxyBeanMethods = false)
class WidgetInterceptor implements WebMvcConfigurer {

    private final Widget widget;

    WidgetInterceptor(Widget widget) {
        this.widget = widget;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        CurrentMember.find(request).ifPresent(member -> {
                            boolean visible = widget.access(
                                            member.portal().id(),
                                            member.person().id())
                                    .isPresent();
                            request.setAttribute(Pages.NETWORK_WIDGET_ATTRIBUTE, visible);
                        });
                        return true;
                    }
                })
                .excludePathPatterns("/css/**", "/js/**", "/webjars/**", "/network/widget");
    }
}
