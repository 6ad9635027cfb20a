#pragma once

class QCoreApplication;

namespace maildeck {

// Sets organisation, application name and version the same way for the GUI, the CLI and the
// tests, so that QSettings and QStandardPaths agree between them.
void applyAppIdentity();

} // namespace maildeck
