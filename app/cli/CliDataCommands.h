#pragma once

#include "app/cli/CliSupport.h"

namespace maildeck::cli {

// domain …, mailbox … (and mailbox alias …), alias …, alias-domain …, catchall …, forward …
// over core/db's repositories (no SQL here).
std::vector<Command> dataCommands();

// Parses an address given on the command line into core's storage form; the error is core's
// precise message.
Result<QString> storageAddress(const QString &input);

} // namespace maildeck::cli
