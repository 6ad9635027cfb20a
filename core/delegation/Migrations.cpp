#include "core/delegation/Migrations.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace maildeck::delegation {

QStringList Migrations::splitStatements(const QString &text) {
    QStringList statements;
    QStringList current;
    auto flush = [&] {
        // Leading comment lines and blank lines belong to no statement.
        while (!current.isEmpty() && (current.first().trimmed().isEmpty() ||
                                      current.first().trimmed().startsWith(QLatin1String("--"))))
            current.removeFirst();
        while (!current.isEmpty() && current.last().trimmed().isEmpty())
            current.removeLast();
        if (!current.isEmpty())
            statements << current.join(QLatin1Char('\n'));
        current.clear();
    };
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (QString line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.trimmed() == QLatin1String("$$"))
            flush();
        else
            current << line;
    }
    flush();
    return statements;
}

Result<Migration> Migrations::parse(const QString &fileName, const QByteArray &content) {
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("([0-9]{3})_([a-z0-9_]+)\\.sql")));
    const auto match = re.match(fileName);
    if (!match.hasMatch())
        return Error{
            QStringLiteral("delegation.migration.name"),
            tr("The migration file name %1 is not of the form 001_name.sql.").arg(fileName),
            {}};
    Migration m;
    m.version = match.captured(1).toInt();
    m.name = match.captured(2);
    m.fileName = fileName;
    m.statements = splitStatements(QString::fromUtf8(content));
    m.checksum = QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
    if (m.version <= 0 || m.statements.isEmpty())
        return Error{QStringLiteral("delegation.migration.empty"),
                     tr("The migration %1 has no version or no statements.").arg(fileName),
                     {}};
    return m;
}

Result<QList<Migration>> Migrations::ordered(QList<Migration> migrations) {
    std::sort(migrations.begin(), migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
    for (qsizetype i = 0; i < migrations.size(); ++i) {
        if (migrations.at(i).version != int(i) + 1)
            return Error{QStringLiteral("delegation.migration.sequence"),
                         tr("The delegation migrations are not numbered 1, 2, 3… without gaps "
                            "(found %1 at position %2).")
                             .arg(migrations.at(i).fileName)
                             .arg(i + 1),
                         {}};
    }
    return migrations;
}

Result<QList<Migration>> Migrations::load(const QString &directory) {
    QDir dir(directory);
    const QStringList files =
        dir.entryList({QStringLiteral("*.sql")}, QDir::Files | QDir::Readable, QDir::Name);
    QList<Migration> migrations;
    for (const QString &fileName : files) {
        QFile file(dir.filePath(fileName));
        if (!file.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("delegation.migration.read"),
                         tr("Could not read the migration %1.").arg(fileName), file.errorString()};
        auto parsed = parse(fileName, file.readAll());
        if (!parsed)
            return parsed.error();
        migrations << parsed.value();
    }
    if (migrations.isEmpty())
        return Error{QStringLiteral("delegation.migration.empty"),
                     tr("No delegation migrations were found in %1.").arg(directory),
                     {}};
    return ordered(std::move(migrations));
}

} // namespace maildeck::delegation
