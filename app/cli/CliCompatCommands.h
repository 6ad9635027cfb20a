#pragma once

#include "app/cli/CliSupport.h"

#include <QCommandLineOption>
#include <QList>

namespace maildeck::cli {

// "config where" (a setting's effective value and every file:line that sets it) and
// "compat check|apply|rollback" (the client-compatibility checks, fixes and probes).
std::vector<Command> compatCommands();
// `config where dovecot|postfix SETTING [--protocol P] [--remote IP] [--json]` (a row of
// configCommands() in CliConfigCommands.cpp).
int configWhere(Context &c);
const QList<QCommandLineOption> &compatOptions();

} // namespace maildeck::cli
