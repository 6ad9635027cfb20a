#pragma once

// The versioned SQL of the delegation schema (resources/delegation/NNN_name.sql, embedded
// under :/maildeck/delegation/). Pure: parsing and ordering only; DelegationSchema applies them.
//
//   auto all = Migrations::load();            // Result<QList<Migration>>, sorted, checked
//   for (const Migration &m : *all) { m.version; m.name; m.statements; m.checksum; }
//
// File format: the name is NNN_words.sql (NNN = version, from 001, no gaps, no duplicates);
// statements are separated by lines holding only "$$" (so procedure bodies may contain ";");
// lines starting with "--" outside a statement and blank statements are dropped.
// The checksum (SHA-256 hex of the file's bytes) is recorded when a migration is applied; a
// recorded migration whose file changed later is reported, not silently re-applied.
//
// Error codes: "delegation.migration.name", "delegation.migration.empty",
// "delegation.migration.sequence", "delegation.migration.read".

#include "core/common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace maildeck::delegation {

struct Migration {
    int version = 0;
    QString name;     // "schema" for 001_schema.sql
    QString fileName; // "001_schema.sql"
    QStringList statements;
    QByteArray checksum; // hex SHA-256 of the file
};

class Migrations {
    Q_DECLARE_TR_FUNCTIONS(Migrations)

public:
    static QString defaultDirectory() { return QStringLiteral(":/maildeck/delegation"); }

    static Result<Migration> parse(const QString &fileName, const QByteArray &content);
    static QStringList splitStatements(const QString &text);
    // Sorts by version and checks 1..N without gaps or duplicates.
    static Result<QList<Migration>> ordered(QList<Migration> migrations);
    static Result<QList<Migration>> load(const QString &directory = defaultDirectory());
};

} // namespace maildeck::delegation
