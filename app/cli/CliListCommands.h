#pragma once

#include "app/cli/CliSupport.h"

namespace maildeck::cli {

// list … : mlmmj mailing lists through core/lists' MailingLists (files over SSH, rows in SQL).
std::vector<Command> listCommands();

} // namespace maildeck::cli
