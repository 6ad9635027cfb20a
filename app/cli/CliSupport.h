#pragma once

// What every maildeck-cli command group shares: the translation context, the output streams,
// the command table's row type and the handler's context.

#include "core/common/Result.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

#include <functional>
#include <optional>
#include <vector>

namespace maildeck {
class ProfileStore;
}

namespace maildeck::cli {

// Translation context of the command line's messages ("MaildeckCli").
class Cli {
    Q_DECLARE_TR_FUNCTIONS(MaildeckCli)
};

// Exit codes (CliCommands.h).
enum ExitCode {
    ExitOk = 0,
    ExitFailed = 1,
    ExitUsage = 2,
    ExitInterrupted = 130, // Ctrl+C, as a shell reports SIGINT
    ExitConnection = 255,  // exec: the connection failed, as ssh(1) reports it
};

QTextStream &out();
QTextStream &err();
// Raw bytes to stdout / stderr (remote output is passed on unchanged).
void writeStdout(const QByteArray &data);
void writeStderr(const QByteArray &data);

struct Context {
    QCommandLineParser &parser;
    QStringList args; // positional arguments after the command words
    ProfileStore &profiles;

    bool isSet(const char *option) const { return parser.isSet(QLatin1String(option)); }
    QString value(const char *option) const { return parser.value(QLatin1String(option)); }
    QStringList values(const char *option) const { return parser.values(QLatin1String(option)); }
};

using Handler = std::function<int(Context &)>;

struct Command {
    QString words;       // "profile add"
    QString synopsis;    // "NAME --host H …"
    const char *summary; // untranslated (context MaildeckCli), translated on output
    Handler handler;
};

// Prints the message and the hint to --help on stderr; returns ExitUsage.
int usageError(const QString &message);
// Prints the error's message on stderr; returns ExitUsage when the error is about the input
// (an address, a quota, a password that core refused), ExitFailed otherwise.
int reportError(const Error &error);
// Whether core's error code names bad input rather than a failed operation.
bool isInputError(const Error &error);

// Pretty JSON on stdout.
void printJson(const QJsonDocument &document);

// The password given with --password-file FILE or --password-stdin (the first line, without
// its line end); nullopt when neither option is set.
std::optional<Result<QString>> passwordFromOptions(const Context &c);

} // namespace maildeck::cli
