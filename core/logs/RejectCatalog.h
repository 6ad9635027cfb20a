#pragma once

#include "core/common/Result.h"
#include "core/logs/ReasonClass.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace maildeck::logs {

// One setting that produces (or relaxes) a reject.
struct CatalogSetting {
    QString system; // "postfix", "dovecot", "iredapd"
    QString name;   // "smtpd_helo_restrictions", "disable_plaintext_auth" (Dovecot 2.3 name)
    QString name24; // Dovecot 2.4 name where it differs ("auth_allow_cleartext")
    QString value;  // the value that causes the reject, if specific
    QString file;   // where it usually lives ("/opt/iredapd/settings.py", "conf.d/10-auth.conf")
};

struct CatalogText {
    QString title; // short, for a table cell
    QString what;  // what happened
    QString who;   // which daemon/setting did it
    QString fix;   // the fix
    QString cost;  // what the fix costs in safety
};

struct CatalogEntry {
    QString id; // reason class id
    QString
        verdict;    // "right" (usually spam / doing its job), "misconfiguration", "either", "local"
    QString daemon; // "postfix/smtpd", "dovecot", "iredapd", ...
    QList<CatalogSetting> settings;
    QString
        action; // "wizard:wlm2012", "config:postfix:smtpd_helo_restrictions", ... (may be empty)
    QHash<QString, CatalogText> texts; // language ("en", "ja") -> text

    // The text in the language, falling back to English.
    CatalogText text(const QString &language) const;
};

// The reject catalog (resources/catalog/rejects.json, compiled in as
// :/maildeck/catalog/rejects.json).
class RejectCatalog {
public:
    static QString defaultPath();
    static Result<RejectCatalog> load(const QString &path = defaultPath());
    static Result<RejectCatalog> fromJson(const QByteArray &json);

    const CatalogEntry *entry(ReasonClass reason) const;
    const CatalogEntry *entry(const QString &id) const;
    QStringList ids() const { return m_entries.keys(); }
    QStringList languages() const { return m_languages; }
    // Ids of reason classes without a complete entry (all text fields) in the language.
    QStringList incompleteFor(const QString &language) const;

private:
    QHash<QString, CatalogEntry> m_entries;
    QStringList m_languages;
};

} // namespace maildeck::logs
