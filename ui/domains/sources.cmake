# Sources of ui/domains: the domain list and a domain's editors (paths relative to ui/).
target_sources(maildeck_ui PRIVATE
    domains/DomainListModel.h domains/DomainListModel.cpp
    domains/MailboxListModel.h domains/MailboxListModel.cpp
    domains/AliasOverviewModel.h domains/AliasOverviewModel.cpp
    domains/DomainPage.h domains/DomainPage.cpp
)
