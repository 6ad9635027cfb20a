# Sources of core/config (paths relative to core/).
target_sources(maildeck_core PRIVATE
    config/ConfigText.h config/ConfigText.cpp
    config/PostfixMainCf.h config/PostfixMainCf.cpp
    config/PostfixMasterCf.h config/PostfixMasterCf.cpp
    config/DovecotConfig.h config/DovecotConfig.cpp
    config/IredapdSettings.h config/IredapdSettings.cpp
    config/UnifiedDiff.h config/UnifiedDiff.cpp
    config/ChangeSet.h config/ChangeSet.cpp
    config/ServiceControl.h config/ServiceControl.cpp
    config/ChangeSetRunner.h config/ChangeSetRunner.cpp
    config/ChangeHistory.h config/ChangeHistory.cpp
    config/ServerConfigReader.h config/ServerConfigReader.cpp
)
