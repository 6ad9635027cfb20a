# Sources of core/config (paths relative to core/).
target_sources(maildeck_core PRIVATE
)
