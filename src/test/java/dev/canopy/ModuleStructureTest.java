package dev.canopy;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModuleStructureTest {

    @Test
    void modulesHaveNoCyclesAndUseOnlyPublicTypes() {
        ApplicationModules.of(CanopyApplication.class).verify();
    }
}
