# Sources of ui/lists: a domain's mlmmj mailing lists (paths relative to ui/).
target_sources(maildeck_ui PRIVATE
    lists/MailingListModel.h lists/MailingListModel.cpp
    lists/ListEditorDialog.h lists/ListEditorDialog.cpp
    lists/SubscribersDialog.h lists/SubscribersDialog.cpp
)
