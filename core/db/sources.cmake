# Sources of core/db (paths relative to core/).
target_sources(maildeck_core PRIVATE
    db/DbEndpoint.h db/DbWorker.h db/DbWorker.cpp
    db/DbTlsProbe.h db/DbTlsProbe.cpp
    db/VmailTypes.h
    db/SqlSupport.h db/SqlSupport.cpp
    db/VmailSettings.h db/VmailSettings.cpp
    db/EmailAddress.h db/EmailAddress.cpp
    db/PasswordHash.h db/PasswordHash.cpp
    db/Csv.h db/Csv.cpp
    db/DomainRepository.h db/DomainRepository.cpp
    db/MailboxRepository.h db/MailboxRepository.cpp
    db/AliasRepository.h db/AliasRepository.cpp
    db/MailingListRepository.h db/MailingListRepository.cpp
)
