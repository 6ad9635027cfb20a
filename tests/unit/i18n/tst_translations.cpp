// The Japanese translation is complete: every tr() string in app/, core/ and ui/ has a finished
// Japanese text. The test runs lupdate on the current sources into a copy of the committed .ts,
// so a new untranslated string fails here even before anyone runs ./dev i18n.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest/QtTest>

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void japaneseIsComplete()
    {
        const QString source = QStringLiteral(MAILDECK_SOURCE_DIR);
        const QString committed = source + QStringLiteral("/resources/translations/maildeck_ja.ts");
        QVERIFY2(QFile::exists(committed), qPrintable(committed));

        QTemporaryDir dir;
        const QString ts = dir.filePath(QStringLiteral("maildeck_ja.ts"));
        QVERIFY(QFile::copy(committed, ts));
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(MAILDECK_LUPDATE),
                      {QStringLiteral("-silent"), QStringLiteral("-I"), source, QStringLiteral("-no-obsolete"),
                       source + QStringLiteral("/app"), source + QStringLiteral("/core"),
                       source + QStringLiteral("/ui"), QStringLiteral("-ts"), ts});
        QVERIFY(lupdate.waitForFinished(120000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

        QFile file(ts);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QString context;
        QString sourceText;
        QStringList missing;
        int messages = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("source")) {
                sourceText = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (type == QLatin1String("unfinished") || text.trimmed().isEmpty())
                    missing << context + QStringLiteral(": ") + sourceText;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 0);
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("%1 of %2 strings lack a finished Japanese translation "
                                           "(run ./dev i18n, then translate):\n  %3")
                                .arg(missing.size())
                                .arg(messages)
                                .arg(missing.mid(0, 40).join(QStringLiteral("\n  ")))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
