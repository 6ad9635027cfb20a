# Sources of core/ssh (paths relative to core/).
target_sources(maildeck_core PRIVATE
)
