# Sources of core/session (paths relative to core/).
target_sources(maildeck_core PRIVATE
    session/MyCnf.h session/MyCnf.cpp
    session/ServerConnection.h session/ServerConnection.cpp
    session/IredadminSettings.h session/IredadminSettings.cpp
)
