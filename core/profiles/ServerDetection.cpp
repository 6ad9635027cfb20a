#include "core/profiles/ServerDetection.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace maildeck {

namespace {

constexpr char kUnameMarker[] = "@@maildeck-uname@@";
constexpr char kExistsMarker[] = "@@maildeck-exists@@";

// One path of ServerPaths and where else it may live (the first that exists wins; none: the
// flavour's default stays and is reported missing).
struct PathSlot {
    QString ServerPaths::*field;
    QStringList alternatives;
};

QList<PathSlot> pathSlots() {
    return {
        {&ServerPaths::mailLog,
         {QStringLiteral("/var/log/mail.log"), QStringLiteral("/var/log/maillog")}},
        {&ServerPaths::postfixConfigDir,
         {QStringLiteral("/etc/postfix"), QStringLiteral("/usr/local/etc/postfix")}},
        {&ServerPaths::dovecotConfig,
         {QStringLiteral("/etc/dovecot/dovecot.conf"),
          QStringLiteral("/usr/local/etc/dovecot/dovecot.conf")}},
        {&ServerPaths::dovecotLogDir, {QStringLiteral("/var/log/dovecot")}},
        {&ServerPaths::iredapdSettings, {QStringLiteral("/opt/iredapd/settings.py")}},
        {&ServerPaths::mlmmjSpool, {QStringLiteral("/var/vmail/mlmmj")}},
    };
}

// KEY=value lines of os-release(5); values may be quoted with " or ' and use \ escapes.
QHash<QString, QString> parseOsRelease(const QString &text) {
    static const QRegularExpression line(QStringLiteral("^([A-Z][A-Z0-9_]*)=(.*)$"));
    QHash<QString, QString> out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &raw : lines) {
        const QRegularExpressionMatch m = line.match(raw.trimmed());
        if (!m.hasMatch())
            continue;
        QString value = m.captured(2).trimmed();
        if (value.size() >= 2 &&
            (value.front() == QLatin1Char('"') || value.front() == QLatin1Char('\'')) &&
            value.back() == value.front()) {
            value = value.mid(1, value.size() - 2);
            QString unescaped;
            for (qsizetype i = 0; i < value.size(); ++i) {
                if (value.at(i) == QLatin1Char('\\') && i + 1 < value.size())
                    ++i;
                unescaped += value.at(i);
            }
            value = unescaped;
        }
        out.insert(m.captured(1), value);
    }
    return out;
}

QString flavourName(ServerFlavour f) {
    switch (f) {
    case ServerFlavour::Debian:
        return QCoreApplication::translate("ServerDetection", "Debian / Ubuntu");
    case ServerFlavour::Rhel:
        return QCoreApplication::translate("ServerDetection", "RHEL / Rocky / AlmaLinux / CentOS");
    case ServerFlavour::FreeBsd:
        return QStringLiteral("FreeBSD");
    case ServerFlavour::OpenBsd:
        return QStringLiteral("OpenBSD");
    case ServerFlavour::Lab:
        return QCoreApplication::translate("ServerDetection", "MailDeck test lab");
    }
    return {};
}

} // namespace

QStringList ServerDetection::candidatePaths() {
    QStringList out;
    for (const PathSlot &slot : pathSlots())
        for (const QString &p : slot.alternatives)
            if (!out.contains(p))
                out << p;
    return out;
}

QString ServerDetection::probeCommand() {
    QString files;
    for (const QString &p : candidatePaths())
        files += QLatin1Char(' ') + QLatin1Char('\'') + p + QLatin1Char('\'');
    return QStringLiteral("cat /etc/os-release 2>/dev/null || cat /usr/lib/os-release 2>/dev/null; "
                          "echo '%1'; uname -s; echo '%2'; for f in%3; do test -e \"$f\" && "
                          "echo \"$f\"; done; true")
        .arg(QLatin1String(kUnameMarker), QLatin1String(kExistsMarker), files);
}

std::optional<ServerFlavour> ServerDetection::flavourFromOsRelease(const QString &osRelease,
                                                                   QString *prettyName) {
    const QHash<QString, QString> v = parseOsRelease(osRelease);
    const QString id = v.value(QStringLiteral("ID")).toLower();
    const QStringList like =
        v.value(QStringLiteral("ID_LIKE")).toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (prettyName) {
        QString name = v.value(QStringLiteral("PRETTY_NAME"));
        if (name.isEmpty())
            name = QString(v.value(QStringLiteral("NAME")) + QLatin1Char(' ') +
                           v.value(QStringLiteral("VERSION")))
                       .trimmed();
        *prettyName = name;
    }
    auto is = [&](std::initializer_list<const char *> names) {
        for (const char *n : names)
            if (id == QLatin1String(n) || like.contains(QLatin1String(n)))
                return true;
        return false;
    };
    if (id.isEmpty())
        return std::nullopt;
    if (is({"debian", "ubuntu"}))
        return ServerFlavour::Debian;
    if (is({"rhel", "fedora", "centos", "rocky", "almalinux"}))
        return ServerFlavour::Rhel;
    if (id == QLatin1String("freebsd"))
        return ServerFlavour::FreeBsd;
    if (id == QLatin1String("openbsd"))
        return ServerFlavour::OpenBsd;
    return std::nullopt;
}

DetectedServer ServerDetection::detect(const QString &osRelease, const QString &uname,
                                       const QStringList &existing, ServerFlavour current) {
    DetectedServer d;
    QString pretty;
    std::optional<ServerFlavour> flavour = flavourFromOsRelease(osRelease, &pretty);
    const QString kernel = uname.trimmed();
    if (!flavour) {
        if (kernel == QLatin1String("FreeBSD"))
            flavour = ServerFlavour::FreeBsd;
        else if (kernel == QLatin1String("OpenBSD"))
            flavour = ServerFlavour::OpenBsd;
        if (flavour && pretty.isEmpty())
            pretty = kernel;
    }
    d.recognised = flavour.has_value();
    d.flavour = flavour.value_or(current);
    if (pretty.isEmpty())
        pretty = kernel;
    d.summary = pretty.isEmpty()
                    ? QCoreApplication::translate("ServerDetection", "Unknown operating system")
                    : pretty;
    if (!d.recognised)
        d.notes << QCoreApplication::translate(
                       "ServerDetection",
                       "The operating system (%1) is not one MailDeck knows; the profile "
                       "keeps its flavour, %2. Check the flavour and the paths.")
                       .arg(d.summary, flavourName(current));

    d.paths = ServerPaths::defaultsFor(d.flavour);
    for (const PathSlot &slot : pathSlots()) {
        QString &value = d.paths.*slot.field;
        if (existing.contains(value))
            continue;
        QString found;
        for (const QString &alt : slot.alternatives)
            if (alt != value && existing.contains(alt)) {
                found = alt;
                break;
            }
        if (!found.isEmpty()) {
            d.notes << QCoreApplication::translate("ServerDetection",
                                                   "%1 does not exist; %2 is used instead.")
                           .arg(value, found);
            value = found;
        } else {
            d.missingPaths << value;
        }
    }
    if (!d.missingPaths.isEmpty())
        d.notes << QCoreApplication::translate(
                       "ServerDetection",
                       "Not found on the server: %1. Correct these paths if the server keeps "
                       "them elsewhere.")
                       .arg(d.missingPaths.join(QStringLiteral(", ")));
    return d;
}

DetectedServer ServerDetection::fromProbeOutput(const QByteArray &output, ServerFlavour current) {
    const QString text = QString::fromUtf8(output);
    const qsizetype u = text.indexOf(QLatin1String(kUnameMarker));
    const qsizetype e = text.indexOf(QLatin1String(kExistsMarker));
    if (u < 0 || e < u)
        return detect({}, {}, {}, current);
    const QString osRelease = text.left(u);
    const QString uname = text.mid(u + qsizetype(sizeof kUnameMarker) - 1,
                                   e - u - qsizetype(sizeof kUnameMarker) + 1);
    QStringList existing;
    const QStringList lines =
        text.mid(e + qsizetype(sizeof kExistsMarker) - 1).split(QLatin1Char('\n'));
    for (const QString &l : lines)
        if (!l.trimmed().isEmpty())
            existing << l.trimmed();
    return detect(osRelease, uname, existing, current);
}

} // namespace maildeck
