# Sources of core/delegation (paths relative to core/).
target_sources(maildeck_core PRIVATE
)
