// ProfileManagerDialog's "Import Connection File…": a valid file becomes a delegated profile with
// its host key pinned; a broken one is refused with the parser's message and changes nothing.

#include "core/profiles/ProfileStore.h"
#include "ui/common/MessageBanner.h"
#include "ui/connection/ProfileEditorDialog.h"
#include "ui/connection/ProfileManagerDialog.h"

#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace maildeck;
using namespace maildeck::ui;

namespace {
const QByteArray kFile = R"json({
  "format": "maildeck-connection", "version": 1,
  "profileName": "mx.example.com (jane)", "role": "delegated", "admin": "jane@partner.test",
  "ssh": { "host": "mx.example.com", "port": 22, "user": "md_jane_3f1a9c",
           "hostKey": { "type": "ssh-ed25519",
                        "fingerprint": "SHA256:SDLgSUOzWjAHXGviIh+AO1nd9kfwYx7jXcGiRXuHnxY",
                        "publicKey": "AAAAC3NzaC1lZDI1NTE5AAAAIFyIP1e1uIq/WsK0OtprRJV92O9HSuV0NyxbjE5fC5uo" } },
  "database": { "host": "127.0.0.1", "port": 3306, "name": "maildeck_delegation",
                "user": "md_jane_3f1a9c" }
})json";

QString write(const QTemporaryDir &dir, const char *name, const QByteArray &data) {
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(data);
    return path;
}
} // namespace

class TestProfileImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void importsAndPins() {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("s.ini")));
        ProfileManagerDialog dialog(&store, nullptr);
        dialog.show();
        QVERIFY(dialog.button(QStringLiteral("ImportConnectionFile")));
        const QString kh = dir.filePath(QStringLiteral("known_hosts"));

        // Broken: refused, nothing saved, the banner names the field.
        QByteArray broken = kFile;
        broken.replace("\"delegated\"", "\"global\"");
        QVERIFY(dialog.importFile(write(dir, "broken.json", broken), kh).isEmpty());
        auto *banner = dialog.findChild<MessageBanner *>();
        QVERIFY(banner && banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("role")), qPrintable(banner->text()));
        QVERIFY(store.names().isEmpty());
        QVERIFY(!QFile::exists(kh));

        const QString name = dialog.importFile(write(dir, "jane.json", kFile), kh);
        QCOMPARE(name, QStringLiteral("mx.example.com (jane)"));
        QCOMPARE(dialog.currentName(), name);
        QCOMPARE(store.load(name)->role, ProfileRole::Delegated);
        QVERIFY(banner->text().contains(QStringLiteral("SHA256:SDLgSUOzWjAHXGviIh")));
        auto *details = dialog.findChild<QLabel *>(QStringLiteral("ProfileDetails"));
        QVERIFY(details->text().contains(QStringLiteral("jane@partner.test")));
        QFile pinned(kh);
        QVERIFY(pinned.open(QIODevice::ReadOnly));
        QVERIFY(pinned.readAll().startsWith("mx.example.com ssh-ed25519 AAAAC3Nz"));
        if (!qEnvironmentVariableIsEmpty("MAILDECK_SHOT"))
            dialog.grab().save(qEnvironmentVariable("MAILDECK_SHOT"));
    }
};

QTEST_MAIN(TestProfileImport)
#include "tst_profile_import.moc"
