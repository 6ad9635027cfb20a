# Sources of core/lists (paths relative to core/).
target_sources(maildeck_core PRIVATE
    lists/ListSettings.h lists/ListSettings.cpp
    lists/MlmmjScripts.h lists/MlmmjScripts.cpp
    lists/MailingLists.h lists/MailingLists.cpp
)
