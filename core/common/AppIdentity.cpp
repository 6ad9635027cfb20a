#include "core/common/AppIdentity.h"

#include "core/common/Version.h"

#include <QCoreApplication>

namespace maildeck {

void applyAppIdentity()
{
    QCoreApplication::setOrganizationName(QString::fromLatin1(kOrganization));
    QCoreApplication::setApplicationName(QString::fromLatin1(kApplicationName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));
}

} // namespace maildeck
