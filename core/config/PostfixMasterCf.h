#pragma once

#include "core/common/Result.h"
#include "core/config/ConfigText.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace maildeck::config {

// One "-o name=value" (or "-o { name = value }") override of a master.cf service.
struct MasterOption {
    QString name;
    QString value;
    int line = 0;        // line of the "-o"
    qsizetype start = 0; // byte span from "-o" to the end of the option's token
    qsizetype end = 0;
    qsizetype tokenStart = 0; // byte span of the "name=value" token (with braces, if any)
    bool braced = false;
};

// One service entry: the 8 fields, the command's arguments and its -o overrides.
struct MasterService {
    QString service; // "submission", "127.0.0.1:10025", "smtp"
    QString type;    // inet, unix, unix-dgram, fifo, pass
    QString privateField, unprivileged, chroot, wakeup, maxproc;
    QString command;       // "smtpd", "pipe", …
    QStringList arguments; // everything after the command, braces removed ("-o", "name=value", …)
    QList<MasterOption> options;
    int firstLine = 0;
    int lastLine = 0;
    QList<int> physicalLines;

    QString key() const { return service + QLatin1Char('/') + type; } // "submission/inet"
    // The override in effect for name (the last -o of that name).
    std::optional<QString> option(const QString &name) const;
};

// Postfix master.cf as written; edits keep every other byte.
class PostfixMasterCf {
public:
    static Result<PostfixMasterCf> parse(const QByteArray &content,
                                         const QString &fileName = QStringLiteral("master.cf"));

    const QByteArray &content() const { return m_content; }
    const QList<MasterService> &services() const { return m_services; }
    std::optional<MasterService> service(const QString &name, const QString &type) const;
    const QStringList &warnings() const { return m_warnings; }

    // Sets "-o name=value" on one service: changes the last existing override in place, or
    // adds a continuation line "  -o name=value" after the service's last line. Values with
    // blanks are written as "-o { name = value }" (Postfix ≥ 3.0).
    Result<QByteArray> withOption(const QString &service, const QString &type, const QString &name,
                                  const QString &value) const;
    // Removes every "-o name=…" of the service; a line left blank is removed too.
    Result<QByteArray> withoutOption(const QString &service, const QString &type,
                                     const QString &name) const;

private:
    QByteArray m_content;
    QString m_fileName;
    QList<MasterService> m_services;
    QStringList m_warnings;
};

// `postconf -M` prints master.cf entries one per line: parse it like master.cf.
Result<QList<MasterService>> parsePostconfM(const QByteArray &output);

// `postconf -P` prints "service/type/name = value" per line.
struct MasterOverride {
    QString service;
    QString type;
    QString name;
    QString value;
};
Result<QList<MasterOverride>> parsePostconfP(const QByteArray &output);

} // namespace maildeck::config
