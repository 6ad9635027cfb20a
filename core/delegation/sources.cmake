# Sources of core/delegation (paths relative to core/).
target_sources(maildeck_core PRIVATE
    delegation/DelegationNames.h delegation/DelegationNames.cpp
    delegation/Migrations.h delegation/Migrations.cpp
    delegation/DelegationSchema.h delegation/DelegationSchema.cpp
    delegation/DelegatedAccounts.h delegation/DelegatedAccounts.cpp
    delegation/DomainAdmins.h delegation/DomainAdmins.cpp
    delegation/AuditLog.h delegation/AuditLog.cpp
    delegation/DelegatedCalls.h delegation/DelegatedCalls.cpp
    delegation/ForwardOnlyAccount.h delegation/ForwardOnlyAccount.cpp
    delegation/AccessScope.h delegation/AccessScope.cpp
    delegation/DelegatedData.h delegation/DelegatedData.cpp
    delegation/DelegationDbAccount.h delegation/DelegationDbAccount.cpp
    delegation/ListAgent.h delegation/ListAgent.cpp
)
# The schema's migrations, embedded under :/maildeck/delegation/ (applied in file-name order).
list(APPEND MAILDECK_CORE_RESOURCE_FILES
    ${PROJECT_SOURCE_DIR}/resources/delegation/001_schema.sql
    ${PROJECT_SOURCE_DIR}/resources/delegation/002_procedures.sql
    ${PROJECT_SOURCE_DIR}/resources/delegation/003_list_jobs.sql
    ${PROJECT_SOURCE_DIR}/resources/delegation/maildeck-list-agent.py
)
