#include "app/cli/CliRemoteCommands.h"

#include "app/cli/CliConnection.h"
#include "core/db/DbWorker.h"
#include "core/ssh/SshSession.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTime>

#include <cerrno>
#include <unistd.h>

namespace maildeck::cli {

namespace {

int execCommand(Context &c) {
    bool privileged = c.isSet("sudo");
    bool noStdin = c.isSet("no-stdin");
    QStringList words = c.args;
    // Options of exec itself may follow the word "exec"; "--" ends them.
    while (!words.isEmpty()) {
        if (words.first() == QLatin1String("--sudo")) {
            privileged = true;
            words.removeFirst();
        } else if (words.first() == QLatin1String("--no-stdin") ||
                   words.first() == QLatin1String("-n")) {
            noStdin = true;
            words.removeFirst();
        } else if (words.first() == QLatin1String("--")) {
            words.removeFirst();
            break;
        } else {
            break;
        }
    }
    if (words.isEmpty())
        return usageError(Cli::tr("exec needs the command to run on the server."));
    // As ssh(1) does: the words are joined with spaces and run by the remote shell.
    const QString command = words.join(QLatin1Char(' '));

    CliSession session(c);
    if (const int code = session.open(ExitConnection); code != ExitOk)
        return code;

    // Like ssh: stdin goes to the command as it arrives, unless it is a terminal.
    const bool forwardStdin = !noStdin && !TerminalPrompter::interactive();
    ExecOptions options;
    options.privileged = privileged;
    options.keepStdinOpen = forwardStdin;
    SshProcess *process = session.ssh()->startCommand(command, options);
    QSocketNotifier *input = nullptr;
    if (forwardStdin) {
        input = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, process);
        QObject::connect(input, &QSocketNotifier::activated, process, [process, input] {
            char buffer[64 * 1024];
            const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (n > 0)
                return process->write(QByteArray(buffer, n));
            if (n < 0 && (errno == EINTR || errno == EAGAIN))
                return;
            input->setEnabled(false); // EOF (or an error): the command sees the end of input
            process->closeStdin();
        });
    }
    int exitCode = ExitConnection;
    QEventLoop loop;
    QObject::connect(process, &SshProcess::stdoutData, &loop,
                     [](const QByteArray &chunk) { writeStdout(chunk); });
    QObject::connect(process, &SshProcess::stderrData, &loop,
                     [](const QByteArray &chunk) { writeStderr(chunk); });
    QObject::connect(process, &SshProcess::finished, &loop, [&](int status) {
        if (status < 0) {
            err() << Cli::tr("The command was killed by a signal on the server.") << Qt::endl;
            exitCode = ExitConnection;
        } else {
            exitCode = status;
        }
        loop.quit();
    });
    QObject::connect(process, &SshProcess::failed, &loop, [&](const Error &error) {
        if (!session.interrupted()) // cancelled by Ctrl+C: "Cancelled." says it
            err() << error.message << Qt::endl;
        exitCode = ExitConnection;
        loop.quit();
    });
    QObject::connect(&session, &CliSession::interruptRequested, &loop, [&] {
        process->cancel();
        loop.quit();
    });
    loop.exec();
    if (session.interrupted())
        return session.cancelled();
    return exitCode;
}

// What a statement returned.
struct SqlOutput {
    bool isSelect = false;
    QStringList columns;
    QList<QVariantList> rows;
    qint64 affected = 0;
};

// mysql -B's form of a value: NULL, dates with a space, tab / newline / backslash escaped.
QString batchText(const QVariant &value) {
    if (value.isNull())
        return QStringLiteral("NULL");
    QString text;
    switch (value.typeId()) {
    case QMetaType::QDateTime:
        text = value.toDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        break;
    case QMetaType::QDate:
        text = value.toDate().toString(QStringLiteral("yyyy-MM-dd"));
        break;
    case QMetaType::QTime:
        text = value.toTime().toString(QStringLiteral("HH:mm:ss"));
        break;
    case QMetaType::QByteArray:
        text = QString::fromUtf8(value.toByteArray());
        break;
    default:
        text = value.toString();
    }
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    text.replace(QLatin1Char('\t'), QLatin1String("\\t"));
    text.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    text.replace(QChar(0), QLatin1String("\\0"));
    return text;
}

QJsonValue jsonValue(const QVariant &value) {
    if (value.isNull())
        return QJsonValue(QJsonValue::Null);
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return QJsonValue(value.toLongLong());
    case QMetaType::Double:
    case QMetaType::Float:
        return QJsonValue(value.toDouble());
    case QMetaType::Bool:
        return QJsonValue(value.toBool());
    case QMetaType::QDateTime:
    case QMetaType::QDate:
    case QMetaType::QTime:
    case QMetaType::QByteArray:
        return QJsonValue(batchText(value).replace(QLatin1String("\\\\"), QLatin1String("\\")));
    default:
        return QJsonValue(value.toString());
    }
}

int sqlCommand(Context &c) {
    if (c.args.size() != 1)
        return usageError(Cli::tr("sql takes exactly one statement (quote it)."));
    const QString statement = c.args.first();
    CliSession session(c);
    if (const int code = session.open(); code != ExitOk)
        return code;

    auto job = [statement](QSqlDatabase &db) -> Result<SqlOutput> {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(statement)) {
            const QSqlError e = q.lastError();
            const QString native = e.nativeErrorCode();
            const QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
            return Error{QStringLiteral("db.query"),
                         native.isEmpty() ? QStringLiteral("ERROR: ") + text
                                          : QStringLiteral("ERROR %1: %2").arg(native, text),
                         {}};
        }
        SqlOutput output;
        output.isSelect = q.isSelect();
        if (!output.isSelect) {
            output.affected = q.numRowsAffected();
            return output;
        }
        const QSqlRecord record = q.record();
        for (int i = 0; i < record.count(); ++i)
            output.columns << record.fieldName(i);
        while (q.next()) {
            QVariantList row;
            row.reserve(record.count());
            for (int i = 0; i < record.count(); ++i)
                row << q.value(i);
            output.rows << row;
        }
        return output;
    };
    // A statement may write: never repeated after a lost connection.
    const auto result = session.await(session.db()->run(job, DbWorker::Retry::Never));
    if (!result)
        return session.cancelled();
    if (!result->ok()) {
        err() << result->error().message << Qt::endl;
        return ExitFailed;
    }
    const SqlOutput &output = result->value();
    if (!output.isSelect) {
        if (c.isSet("json"))
            printJson(
                QJsonDocument(QJsonObject{{QStringLiteral("affected_rows"), output.affected}}));
        else
            out() << Cli::tr("%n row(s) affected.", nullptr, int(output.affected)) << Qt::endl;
        return ExitOk;
    }
    if (c.isSet("json")) {
        QJsonArray array;
        for (const QVariantList &row : output.rows) {
            QJsonObject object;
            for (qsizetype i = 0; i < output.columns.size(); ++i)
                object.insert(output.columns.at(i), jsonValue(row.at(i)));
            array.append(object);
        }
        printJson(QJsonDocument(array));
        return ExitOk;
    }
    out() << output.columns.join(QLatin1Char('\t')) << '\n';
    for (const QVariantList &row : output.rows) {
        QStringList cells;
        cells.reserve(row.size());
        for (const QVariant &value : row)
            cells << batchText(value);
        out() << cells.join(QLatin1Char('\t')) << '\n';
    }
    out().flush();
    return ExitOk;
}

} // namespace

std::vector<Command> remoteCommands() {
    return {
        {QStringLiteral("exec"), QStringLiteral("[--sudo] [-n|--no-stdin] [--] COMMAND..."),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Run a shell command on the server; exit with its exit status."),
         execCommand},
        {QStringLiteral("sql"), QStringLiteral("STATEMENT [--json]"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Run an SQL statement on the vmail database through the connection."),
         sqlCommand},
    };
}

} // namespace maildeck::cli
