#pragma once

#include "app/cli/CliSupport.h"

#include <vector>

namespace maildeck::cli {

// "config …": the server's configuration changes made with MailDeck (core/config):
// `config history`, `config show ID` (the diff and the steps' outcome), `config revert ID`.
// Other config commands are rows in the same table (CliConfigCommands.cpp, configCommands()).
std::vector<Command> configCommands();

} // namespace maildeck::cli
