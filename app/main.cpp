#include "core/common/AppIdentity.h"
#include "ui/Application.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    maildeck::applyAppIdentity();
    return maildeck::ui::runApplication(app);
}
