package dev.canopy.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.Set;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.condition.AbstractRequestCondition;
import org.springframework.web.servlet.mvc.condition.RequestCondition;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Routes by host as well as by path: a controller marked {@link HubPage} or {@link PortalPage} matches only requests
 * of that kind of site, so one path such as {@code /} can mean the hub's home and a portal's home.
 */
@Configuration(proxyBeanMethods = false)
class SiteRouting implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new RequestMappingHandlerMapping() {
            @Override
            protected RequestCondition<?> getCustomMethodCondition(java.lang.reflect.Method method) {
                Class<?> handlerType = method.getDeclaringClass();
                if (handlerType.isAnnotationPresent(HubPage.class)) {
                    return new SiteCondition(SiteKind.HUB);
                }
                if (handlerType.isAnnotationPresent(PortalPage.class)) {
                    return new SiteCondition(SiteKind.PORTAL);
                }
                return null;
            }
        };
    }

    private static final class SiteCondition extends AbstractRequestCondition<SiteCondition> {

        private final SiteKind kind;

        SiteCondition(SiteKind kind) {
            this.kind = kind;
        }

        @Override
        protected Collection<?> getContent() {
            return Set.of(kind);
        }

        @Override
        protected String getToStringInfix() {
            return "";
        }

        @Override
        public SiteCondition combine(SiteCondition other) {
            return other;
        }

        @Override
        public SiteCondition getMatchingCondition(HttpServletRequest request) {
            return SiteKind.of(request) == kind ? this : null;
        }

        @Override
        public int compareTo(SiteCondition other, HttpServletRequest request) {
            return 0;
        }
    }
}
