#include "core/common/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace maildeck {

void installTranslations(QCoreApplication &app, const QString &language) {
    const auto installed = app.findChildren<QTranslator *>(QStringLiteral("maildeckTranslator"),
                                                           Qt::FindDirectChildrenOnly);
    for (QTranslator *old : installed) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    // Japanese or English: an explicit choice wins, otherwise the system's UI language.
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto *own = new QTranslator(&app);
    own->setObjectName(QStringLiteral("maildeckTranslator"));
    if (own->load(locale, QStringLiteral("maildeck"), QStringLiteral("_"),
                  QStringLiteral(":/maildeck/translations")))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    qt->setObjectName(QStringLiteral("maildeckTranslator"));
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

QString currentUiLanguage() {
    const auto installed = QCoreApplication::instance()->findChildren<QTranslator *>(
        QStringLiteral("maildeckTranslator"), Qt::FindDirectChildrenOnly);
    for (const QTranslator *t : installed)
        if (t->filePath().startsWith(QLatin1String(":/maildeck/translations")) &&
            !t->language().isEmpty())
            return t->language().section(QLatin1Char('_'), 0, 0);
    return QStringLiteral("en");
}

} // namespace maildeck
