# Sources of core/lists (paths relative to core/).
target_sources(maildeck_core PRIVATE
    lists/ListSettings.h lists/ListSettings.cpp
    lists/ListParameters.h lists/ListParameters.cpp
    lists/MlmmjScripts.h lists/MlmmjScripts.cpp
    lists/MailingLists.h lists/MailingLists.cpp
)
