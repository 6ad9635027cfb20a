# Sources of core/common (paths relative to core/).
target_sources(maildeck_core PRIVATE
    common/Result.h
    common/SharedPromise.h
    common/Logging.h common/Logging.cpp
    common/AppIdentity.h common/AppIdentity.cpp
    common/Translations.h common/Translations.cpp
    common/WorkerThreadExit.h common/WorkerThreadExit.cpp
)
