#include "app/cli/CliCommands.h"
#include "core/common/AppIdentity.h"
#include "core/common/Translations.h"

#include <QCoreApplication>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    maildeck::applyAppIdentity();
    // Messages in the user's language (LANGUAGE / LANG); JSON keys and exit codes never change.
    maildeck::installTranslations(app, {});
    return maildeck::cli::run(app.arguments());
}
