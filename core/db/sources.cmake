# Sources of core/db (paths relative to core/).
target_sources(maildeck_core PRIVATE
)
