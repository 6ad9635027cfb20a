# Sources of core/compat (paths relative to core/).
target_sources(maildeck_core PRIVATE
    compat/ClientProfile.h compat/ClientProfile.cpp
    compat/Diagnosis.h compat/Diagnosis.cpp
    compat/Probe.h compat/Probe.cpp
)
