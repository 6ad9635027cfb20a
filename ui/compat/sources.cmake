# Sources of ui/compat: the client-compatibility wizard and the change history (paths relative
# to ui/).
target_sources(maildeck_ui PRIVATE
    compat/ChangeHistoryDialog.h compat/ChangeHistoryDialog.cpp
    compat/ChangeHistoryModel.h compat/ChangeHistoryModel.cpp
    compat/CompatWizard.h compat/CompatWizard.cpp
    compat/CompatWizardPages.h compat/CompatWizardPages.cpp
    compat/DiffView.h compat/DiffView.cpp
    compat/EventPrefill.h compat/EventPrefill.cpp
    compat/StepChecklist.h compat/StepChecklist.cpp
)
