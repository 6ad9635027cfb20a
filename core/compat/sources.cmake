# Sources of core/compat (paths relative to core/).
target_sources(maildeck_core PRIVATE
)
