# Sources of ui/shell: application start-up and the main window (paths relative to ui/).
target_sources(maildeck_ui PRIVATE
    Application.h Application.cpp
    shell/MainWindow.h shell/MainWindow.cpp
    shell/DialogPrompter.h shell/DialogPrompter.cpp
    shell/Preferences.h shell/Preferences.cpp
    shell/PreferencesDialog.h shell/PreferencesDialog.cpp
    shell/ShortcutsDialog.h shell/ShortcutsDialog.cpp
)
