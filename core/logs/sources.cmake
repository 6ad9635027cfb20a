# Sources of core/logs (paths relative to core/).
target_sources(maildeck_core PRIVATE
    logs/ReasonClass.h logs/ReasonClass.cpp
    logs/LineParser.h logs/LineParser.cpp
    logs/Column.h logs/FlatMap64.h logs/MappedBlock.h logs/MappedBlock.cpp
    logs/StringPool.h logs/StringPool.cpp
    logs/EventStore.h logs/EventStore.cpp
    logs/PatternDetector.h logs/PatternDetector.cpp
    logs/RejectSummary.h logs/RejectSummary.cpp
    logs/StringCounter.h logs/StringCounter.cpp
    logs/RejectTally.h logs/RejectTally.cpp logs/TopN.h
    logs/RejectCatalog.h logs/RejectCatalog.cpp
    logs/LogIngest.h logs/LogIngest.cpp
    logs/LogTail.h logs/LogTail.cpp
    logs/LogFeed.h logs/LogFeed.cpp
)
list(APPEND MAILDECK_CORE_RESOURCE_FILES ${PROJECT_SOURCE_DIR}/resources/catalog/rejects.json)
