# Sources of core/profiles (paths relative to core/).
target_sources(maildeck_core PRIVATE
    profiles/ServerProfile.h profiles/ServerProfile.cpp
    profiles/ProfileStore.h profiles/ProfileStore.cpp
    profiles/ServerDetection.h profiles/ServerDetection.cpp
    profiles/ConnectionFile.h profiles/ConnectionFile.cpp
)
