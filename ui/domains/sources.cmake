# Sources of ui/domains: the domain list and a domain's editors (paths relative to ui/).
target_sources(maildeck_ui PRIVATE
    domains/DomainListModel.h domains/DomainListModel.cpp
    domains/MailboxListModel.h domains/MailboxListModel.cpp
    domains/AliasOverviewModel.h domains/AliasOverviewModel.cpp
    domains/DomainPage.h domains/DomainPage.cpp
    domains/FieldErrorLabel.h domains/FieldErrorLabel.cpp
    domains/EditorDialog.h domains/EditorDialog.cpp
    domains/AddressListEditor.h domains/AddressListEditor.cpp
    domains/QuotaEdit.h domains/QuotaEdit.cpp
    domains/MailServicesBox.h domains/MailServicesBox.cpp
    domains/PasswordField.h domains/PasswordField.cpp
    domains/DomainEditorDialog.h domains/DomainEditorDialog.cpp
    domains/DomainDeleteDialog.h domains/DomainDeleteDialog.cpp
    domains/NewMailboxDialog.h domains/NewMailboxDialog.cpp
    domains/EditMailboxDialog.h domains/EditMailboxDialog.cpp
    domains/ChangePasswordDialog.h domains/ChangePasswordDialog.cpp
    domains/MailboxImportDialog.h domains/MailboxImportDialog.cpp
    domains/AliasEditorDialog.h domains/AliasEditorDialog.cpp
    domains/UserAliasDialog.h domains/UserAliasDialog.cpp
    domains/AliasDomainDialog.h domains/AliasDomainDialog.cpp
    domains/CatchAllDialog.h domains/CatchAllDialog.cpp
    domains/UndoableChange.h domains/UndoableChange.cpp
)
