# Sources of core/ssh (paths relative to core/).
target_sources(maildeck_core PRIVATE
    ssh/HostKey.h ssh/HostKey.cpp
    ssh/AuthPlan.h ssh/AuthPlan.cpp
    ssh/Sudo.h ssh/Sudo.cpp
    ssh/Prompter.h
    ssh/SshTypes.h
    ssh/SshSession.h ssh/SshSession.cpp
    ssh/SshWorker_p.h ssh/SshWorker.cpp
)
