# Sources of ui/logs (paths relative to ui/).
target_sources(maildeck_ui PRIVATE
    logs/RejectEventModel.h logs/RejectEventModel.cpp
    logs/RejectLogView.h logs/RejectLogView.cpp
)
