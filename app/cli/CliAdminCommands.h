#pragma once

#include "app/cli/CliSupport.h"

#include <QCommandLineOption>
#include <QList>

namespace maildeck::cli {

// admin … : per-domain admins (core/delegation DomainAdmins + DelegatedAccounts), their
// forward-only SSH accounts (ForwardOnlyAccounts) and connection files; profile import.
std::vector<Command> adminCommands();

// The options only these commands use (--key, --out, --domain, …).
const QList<QCommandLineOption> &adminOptions();

} // namespace maildeck::cli
