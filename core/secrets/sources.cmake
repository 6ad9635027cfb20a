# Sources of core/secrets (paths relative to core/).
target_sources(maildeck_core PRIVATE
    secrets/SecretStore.h secrets/SecretStore.cpp
)
