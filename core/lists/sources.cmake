# Sources of core/lists (paths relative to core/).
target_sources(maildeck_core PRIVATE
)
