#pragma once

#include <QStringList>

namespace maildeck::cli {

// Runs maildeck-cli with the given arguments (argv[0] first); returns the exit code.
// Exit codes: 0 success, 1 the operation failed, 2 bad usage.
int run(const QStringList &arguments);

} // namespace maildeck::cli
