#pragma once

#include "app/cli/CliSupport.h"

namespace maildeck::cli {

// "exec CMD…" (a shell command on the server over SSH) and "sql STATEMENT" (through the
// database connection the desktop application uses).
std::vector<Command> remoteCommands();

} // namespace maildeck::cli
