#pragma once

#include "app/cli/CliSupport.h"

#include <QCommandLineOption>
#include <QList>

namespace maildeck::cli {

// "rejects": the reject-log classification of a mail log, from files or a server's live log.
std::vector<Command> logCommands();
const QList<QCommandLineOption> &logOptions();

} // namespace maildeck::cli
