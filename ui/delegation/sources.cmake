# Sources of ui/delegation: domain administrators, audit log, delegated mode (paths relative to ui/).
target_sources(maildeck_ui PRIVATE
    delegation/AccountCredentialsDialog.h delegation/AccountCredentialsDialog.cpp
    delegation/NewDomainAdminDialog.h delegation/NewDomainAdminDialog.cpp
    delegation/DomainAdminsDialog.h delegation/DomainAdminsDialog.cpp
    delegation/AuditLogDialog.h delegation/AuditLogDialog.cpp
    delegation/DelegationTools.h delegation/DelegationTools.cpp
)
