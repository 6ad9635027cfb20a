# Sources of ui/common: widgets shared by every screen (paths relative to ui/).
target_sources(maildeck_ui PRIVATE
    common/MessageBanner.h common/MessageBanner.cpp
    common/ThemeColors.h common/ThemeColors.cpp
    common/Appearance.h common/Appearance.cpp
    common/WindowMemory.h common/WindowMemory.cpp
)
