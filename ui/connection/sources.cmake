# Sources of ui/connection: profiles, connecting with progress, the connection's state (paths
# relative to ui/).
target_sources(maildeck_ui PRIVATE
    connection/ServerPathsEditor.h connection/ServerPathsEditor.cpp
    connection/ProfileEditorDialog.h connection/ProfileEditorDialog.cpp
    connection/ProfileManagerDialog.h connection/ProfileManagerDialog.cpp
    connection/ConnectDialog.h connection/ConnectDialog.cpp
    connection/FlavourConfirmDialog.h connection/FlavourConfirmDialog.cpp
    connection/ConnectionIndicator.h connection/ConnectionIndicator.cpp
)
