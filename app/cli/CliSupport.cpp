#include "app/cli/CliSupport.h"

#include <QFile>

#include <cstdio>

namespace maildeck::cli {

QTextStream &out() {
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err() {
    static QTextStream stream(stderr);
    return stream;
}

void writeStdout(const QByteArray &data) {
    out().flush();
    std::fwrite(data.constData(), 1, size_t(data.size()), stdout);
    std::fflush(stdout);
}

void writeStderr(const QByteArray &data) {
    err().flush();
    std::fwrite(data.constData(), 1, size_t(data.size()), stderr);
    std::fflush(stderr);
}

int usageError(const QString &message) {
    err() << message << Qt::endl;
    err() << Cli::tr("Try 'maildeck-cli --help'.") << Qt::endl;
    return ExitUsage;
}

bool isInputError(const Error &error) {
    const QString &code = error.code;
    static const QStringList inputPrefixes = {
        QStringLiteral("address."),  QStringLiteral("domain."),   QStringLiteral("csv."),
        QStringLiteral("password."), QStringLiteral("cli.input"),
    };
    static const QStringList inputCodes = {
        QStringLiteral("mailbox.quota"),
        QStringLiteral("mailbox.service"),
        QStringLiteral("alias.policy"),
        QStringLiteral("alias.loop"),
        QStringLiteral("db.invalid"),
        QStringLiteral("list.address"),
        QStringLiteral("list.owner"),
        QStringLiteral("list.moderator"),
        QStringLiteral("list.submod"),
        QStringLiteral("list.header"),
        QStringLiteral("list.size"),
        QStringLiteral("list.port"),
        QStringLiteral("list.value"),
        QStringLiteral("list.owner.empty"),
        QStringLiteral("list.moderator.empty"),
        QStringLiteral("list.subscriber"),
    };
    if (code == QLatin1String("password.unsupported"))
        return false;
    if (inputCodes.contains(code))
        return true;
    for (const QString &prefix : inputPrefixes)
        if (code.startsWith(prefix))
            return true;
    return false;
}

int reportError(const Error &error) {
    err() << error.message << Qt::endl;
    return isInputError(error) ? ExitUsage : ExitFailed;
}

void printJson(const QJsonDocument &document) {
    out() << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    out().flush();
}

std::optional<Result<QString>> passwordFromOptions(const Context &c) {
    const auto firstLine = [](QByteArray data) {
        const qsizetype end = data.indexOf('\n');
        if (end >= 0)
            data.truncate(end);
        if (data.endsWith('\r'))
            data.chop(1);
        return QString::fromUtf8(data);
    };
    if (c.isSet("password-file")) {
        QFile file(c.value("password-file"));
        if (!file.open(QIODevice::ReadOnly))
            return Result<QString>(Error{QStringLiteral("cli.input.password"),
                                         Cli::tr("Cannot read the password file %1: %2")
                                             .arg(file.fileName(), file.errorString()),
                                         {}});
        return Result<QString>(firstLine(file.readAll()));
    }
    if (c.isSet("password-stdin")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return Result<QString>(Error{QStringLiteral("cli.input.password"),
                                         Cli::tr("Cannot read the password from stdin."),
                                         {}});
        return Result<QString>(firstLine(in.readLine()));
    }
    return std::nullopt;
}

} // namespace maildeck::cli
