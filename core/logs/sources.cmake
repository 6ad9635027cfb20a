# Sources of core/logs (paths relative to core/).
target_sources(maildeck_core PRIVATE
)
