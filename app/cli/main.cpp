#include "app/cli/CliCommands.h"
#include "core/common/AppIdentity.h"

#include <QCoreApplication>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    maildeck::applyAppIdentity();
    return maildeck::cli::run(app.arguments());
}
