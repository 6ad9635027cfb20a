# Sources of ui/common: widgets shared by every screen (paths relative to ui/).
target_sources(maildeck_ui PRIVATE
    common/MessageBanner.h common/MessageBanner.cpp
)
