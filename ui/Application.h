#pragma once

#include "core/common/Translations.h"

class QApplication;

namespace maildeck::ui {

// Parses the command line, installs the translation, shows the main window and runs the event
// loop. Returns the process exit code.
int runApplication(QApplication &app);

} // namespace maildeck::ui
