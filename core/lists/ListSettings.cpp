#include "core/lists/ListSettings.h"

#include "core/db/EmailAddress.h"

#include <QSet>

namespace maildeck::lists {

namespace {

struct BoolFile {
    const char *file;
    bool ListSettings::*member;
};

// Plain presence files (posting, submod are handled on their own).
const BoolFile kBools[] = {
    {"moderated", &ListSettings::moderated},
    {"modnonsubposts", &ListSettings::moderateNonSubscriberPosts},
    {"ifmodsendonlymodmoderate", &ListSettings::ifModSendOnlyModModerate},
    {"notifymod", &ListSettings::notifySenderWhenModerated},
    {"closedlist", &ListSettings::closedList},
    {"closedlistsub", &ListSettings::closedListSub},
    {"nosubconfirm", &ListSettings::noSubConfirm},
    {"nodigestsub", &ListSettings::noDigestSub},
    {"nodigesttext", &ListSettings::noDigestText},
    {"nonomailsub", &ListSettings::noNomailSub},
    {"notifysub", &ListSettings::notifySub},
    {"nosubmodmails", &ListSettings::noSubModMails},
    {"noarchive", &ListSettings::noArchive},
    {"noget", &ListSettings::noGet},
    {"subonlyget", &ListSettings::subOnlyGet},
    {"nolistsubsemail", &ListSettings::noListSubsEmail},
    {"notmetoo", &ListSettings::notMeToo},
    {"tocc", &ListSettings::tocc},
    {"replyto", &ListSettings::replyTo},
    {"enable_newsletter_subscription", &ListSettings::newsletterSubscription},
    {"notoccdenymails", &ListSettings::noToCcDenyMails},
    {"noaccessdenymails", &ListSettings::noAccessDenyMails},
    {"nosubonlydenymails", &ListSettings::noSubOnlyDenyMails},
    {"nomodonlydenymails", &ListSettings::noModOnlyDenyMails},
    {"nomaxmailsizedenymails", &ListSettings::noMaxMailSizeDenyMails},
};

struct TextFile {
    const char *file;
    QString ListSettings::*member;
    bool oneLine; // "normal": first line; else "text": the whole file
};

const TextFile kTexts[] = {
    {"name", &ListSettings::name, true},
    {"prefix", &ListSettings::subjectPrefix, true},
    {"relayhost", &ListSettings::relayHost, true},
    {"smtphelo", &ListSettings::smtpHelo, true},
    {"footer_text", &ListSettings::footerText, false},
    {"footer_html", &ListSettings::footerHtml, false},
    {"footer", &ListSettings::mlmmjFooter, false},
};

struct ListFile {
    const char *file;
    QStringList ListSettings::*member;
};

const ListFile kLists[] = {
    {"owner", &ListSettings::owners},
    {"moderators", &ListSettings::moderators},
    {"customheaders", &ListSettings::customHeaders},
    {"delheaders", &ListSettings::removeHeaders},
};

QString chomp(QString line) {
    while (line.endsWith(QLatin1Char('\n')) || line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    return line;
}

// mlmmj's ctrlvalue(): the first line without its line break.
QString firstLine(const QByteArray &content) {
    const qsizetype nl = content.indexOf('\n');
    return chomp(QString::fromUtf8(nl < 0 ? content : content.left(nl)));
}

// mlmmj's ctrlcontent(): the whole file without one trailing line break.
QString wholeText(const QByteArray &content) {
    QByteArray c = content;
    if (c.endsWith('\n'))
        c.chop(1);
    if (c.endsWith('\r'))
        c.chop(1);
    return QString::fromUtf8(c);
}

// mlmmjadmin's list reading: lines stripped, empty ones dropped.
QStringList lines(const QByteArray &content) {
    QStringList out;
    const QStringList parts = QString::fromUtf8(content).split(QLatin1Char('\n'));
    for (const QString &part : parts) {
        const QString t = part.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

QByteArray joinLines(const QStringList &values) {
    QByteArray out;
    for (const QString &v : values)
        out += v.toUtf8() + '\n';
    return out;
}

Error invalid(const QString &code, const QString &message) {
    return Error{code, message, {}};
}

Result<QStringList> normaliseAddresses(const QStringList &input, const QString &code,
                                       const QString &field) {
    QStringList out;
    for (const QString &raw : input) {
        if (raw.trimmed().isEmpty())
            continue;
        auto address = db::EmailAddress::parse(raw);
        if (!address)
            return invalid(code,
                           ListSettings::tr("%1 \"%2\": %3")
                               .arg(field, raw.left(80).simplified(), address.error().message));
        const QString stored = address->toStorage();
        if (!out.contains(stored))
            out << stored;
    }
    return out;
}

bool hasLineBreak(const QString &s) {
    return s.contains(QLatin1Char('\n')) || s.contains(QLatin1Char('\r'));
}

} // namespace

QStringList ListSettings::managedFiles() {
    QStringList names{QStringLiteral("listaddress"), QStringLiteral("subonlypost"),
                      QStringLiteral("modonlypost"), QStringLiteral("submod"),
                      QStringLiteral("maxmailsize"), QStringLiteral("smtpport")};
    for (const BoolFile &b : kBools)
        names << QLatin1String(b.file);
    for (const TextFile &t : kTexts)
        names << QLatin1String(t.file);
    for (const ListFile &l : kLists)
        names << QLatin1String(l.file);
    names.sort();
    return names;
}

ListSettings ListSettings::defaultsFor(const QString &address, int smtpPort) {
    ListSettings s;
    s.listAddress = address.toLower();
    const qsizetype at = s.listAddress.lastIndexOf(QLatin1Char('@'));
    const QString local = s.listAddress.left(at);
    const QString domain = s.listAddress.mid(at + 1);
    const QString postmaster = QStringLiteral("postmaster@") + domain;
    s.owners = {postmaster};
    s.moderators = {postmaster};
    s.posting = Posting::SubscribersOnly;
    s.tocc = true;
    s.noGet = true;
    s.subOnlyGet = true;
    s.ifModSendOnlyModModerate = true;
    s.smtpPort = smtpPort;
    s.customHeaders = {
        QStringLiteral("Precedence: bulk"),
        QStringLiteral("List-Id: <%1>").arg(s.listAddress),
        QStringLiteral("Reply-To: %1").arg(s.listAddress),
        QStringLiteral("List-Post: <mailto:%1>").arg(s.listAddress),
        QStringLiteral("List-Subscribe: <mailto:%1+subscribe@%2?subject=Subscribe>")
            .arg(local, domain),
        QStringLiteral("List-Unsubscribe: <mailto:%1+unsubscribe@%2?subject=Unsubscribe>")
            .arg(local, domain),
    };
    return s;
}

ListSettings ListSettings::fromControlFiles(const ControlFiles &files) {
    ListSettings s;
    const QStringList addresses = lines(files.value(QStringLiteral("listaddress")));
    s.listAddress = addresses.value(0).toLower();
    s.extraAddresses = addresses.mid(1);
    for (QString &a : s.extraAddresses)
        a = a.toLower();
    if (files.contains(QStringLiteral("modonlypost")))
        s.posting = Posting::ModeratorsOnly;
    else if (files.contains(QStringLiteral("subonlypost")))
        s.posting = Posting::SubscribersOnly;
    else
        s.posting = Posting::Anyone;
    for (const BoolFile &b : kBools)
        s.*b.member = files.contains(QLatin1String(b.file));
    for (const TextFile &t : kTexts) {
        const auto it = files.constFind(QLatin1String(t.file));
        s.*t.member =
            it == files.constEnd() ? QString() : (t.oneLine ? firstLine(*it) : wholeText(*it));
    }
    for (const ListFile &l : kLists)
        s.*l.member = lines(files.value(QLatin1String(l.file)));
    for (QString &a : s.owners)
        a = a.toLower();
    for (QString &a : s.moderators)
        a = a.toLower();
    s.moderateSubscription = files.contains(QStringLiteral("submod"));
    s.subscriptionModerators = lines(files.value(QStringLiteral("submod")));
    for (QString &a : s.subscriptionModerators)
        a = a.toLower();
    // mlmmj: atol() of the first line; 0 or garbage = no limit.
    bool ok = false;
    const qint64 size =
        firstLine(files.value(QStringLiteral("maxmailsize"))).trimmed().toLongLong(&ok);
    s.maxMailSize = ok && size > 0 ? size : 0;
    const int port = firstLine(files.value(QStringLiteral("smtpport"))).trimmed().toInt(&ok);
    s.smtpPort = ok && port > 0 && port < 65536 ? port : 0;
    return s;
}

ControlChanges ListSettings::toControlFiles(const ListSettings &s) {
    ControlChanges out;
    const std::optional<QByteArray> present = QByteArray();
    const std::optional<QByteArray> absent = std::nullopt;
    QStringList addresses{s.listAddress};
    for (const QString &a : s.extraAddresses)
        if (!addresses.contains(a))
            addresses << a;
    out.insert(QStringLiteral("listaddress"), joinLines(addresses));
    out.insert(QStringLiteral("modonlypost"),
               s.posting == Posting::ModeratorsOnly ? present : absent);
    out.insert(QStringLiteral("subonlypost"),
               s.posting == Posting::SubscribersOnly ? present : absent);
    for (const BoolFile &b : kBools)
        out.insert(QLatin1String(b.file), s.*b.member ? present : absent);
    for (const TextFile &t : kTexts) {
        const QString &v = s.*t.member;
        out.insert(QLatin1String(t.file), v.isEmpty() ? absent : std::optional(v.toUtf8()));
    }
    // iRedMail's altermime only adds footers when both files exist: footer_text is created
    // empty when only the HTML one is given (as mlmmjadmin does).
    if (!s.footerHtml.isEmpty() && s.footerText.isEmpty())
        out.insert(QStringLiteral("footer_text"), present);
    for (const ListFile &l : kLists) {
        const QStringList &v = s.*l.member;
        out.insert(QLatin1String(l.file), v.isEmpty() ? absent : std::optional(joinLines(v)));
    }
    out.insert(QStringLiteral("submod"), s.moderateSubscription
                                             ? std::optional(joinLines(s.subscriptionModerators))
                                             : absent);
    out.insert(QStringLiteral("maxmailsize"),
               s.maxMailSize > 0 ? std::optional(QByteArray::number(s.maxMailSize)) : absent);
    out.insert(QStringLiteral("smtpport"),
               s.smtpPort > 0 ? std::optional(QByteArray::number(s.smtpPort)) : absent);
    return out;
}

ControlChanges ListSettings::changedFiles(const ControlFiles &current,
                                          const ListSettings &settings) {
    // The current files in canonical spelling: equal meaning gives equal bytes.
    const ControlChanges now = toControlFiles(fromControlFiles(current));
    const ControlChanges wanted = toControlFiles(settings);
    ControlChanges out;
    for (auto it = wanted.constBegin(); it != wanted.constEnd(); ++it) {
        const std::optional<QByteArray> before = now.value(it.key());
        if (before != it.value())
            out.insert(it.key(), it.value());
    }
    return out;
}

Result<ListSettings> ListSettings::normalised(const ListSettings &input) {
    ListSettings s = input;
    auto primary = db::EmailAddress::parse(input.listAddress);
    if (!primary)
        return invalid(QStringLiteral("list.address"), primary.error().message);
    s.listAddress = primary->toStorage();
    auto extra = normaliseAddresses(input.extraAddresses, QStringLiteral("list.address"),
                                    tr("List address"));
    if (!extra)
        return extra.error();
    s.extraAddresses = extra.value();
    s.extraAddresses.removeAll(s.listAddress);
    auto owners = normaliseAddresses(input.owners, QStringLiteral("list.owner"), tr("Owner"));
    if (!owners)
        return owners.error();
    s.owners = owners.value();
    if (s.owners.isEmpty())
        return invalid(QStringLiteral("list.owner.empty"),
                       tr("A mailing list needs at least one owner."));
    auto moderators =
        normaliseAddresses(input.moderators, QStringLiteral("list.moderator"), tr("Moderator"));
    if (!moderators)
        return moderators.error();
    s.moderators = moderators.value();
    if (s.moderators.isEmpty() && (s.moderated || s.posting == Posting::ModeratorsOnly))
        return invalid(QStringLiteral("list.moderator.empty"),
                       tr("Moderation and moderators-only posting need at least one "
                          "moderator."));
    auto submod = normaliseAddresses(input.subscriptionModerators, QStringLiteral("list.submod"),
                                     tr("Subscription moderator"));
    if (!submod)
        return submod.error();
    s.subscriptionModerators = submod.value();
    if (!s.moderateSubscription)
        s.subscriptionModerators.clear();
    if (s.maxMailSize < 0)
        return invalid(QStringLiteral("list.size"),
                       tr("The maximum message size must be 0 (no limit) or a number of "
                          "bytes."));
    if (s.smtpPort < 0 || s.smtpPort > 65535)
        return invalid(QStringLiteral("list.port"),
                       tr("The SMTP port must be between 1 and 65535 (0: the default)."));
    for (QString ListSettings::*one : {&ListSettings::name, &ListSettings::subjectPrefix,
                                       &ListSettings::relayHost, &ListSettings::smtpHelo}) {
        if (hasLineBreak(s.*one))
            return invalid(
                QStringLiteral("list.value"),
                tr("\"%1\": only one line is allowed here.").arg((s.*one).left(40).simplified()));
    }
    QStringList headers;
    for (const QString &raw : std::as_const(input.customHeaders)) {
        const QString h = raw.trimmed();
        if (h.isEmpty())
            continue;
        const qsizetype colon = h.indexOf(QLatin1Char(':'));
        if (colon <= 0 || hasLineBreak(h) || h.left(colon).contains(QLatin1Char(' ')))
            return invalid(QStringLiteral("list.header"),
                           tr("Custom header \"%1\": use the form \"Name: value\".")
                               .arg(h.left(80).simplified()));
        headers << h;
    }
    s.customHeaders = headers;
    QStringList removed;
    for (const QString &raw : std::as_const(input.removeHeaders)) {
        QString h = raw.trimmed();
        if (h.isEmpty())
            continue;
        if (!h.endsWith(QLatin1Char(':')))
            h += QLatin1Char(':');
        if (h.size() < 2 || h.chopped(1).contains(QLatin1Char(':')) ||
            h.contains(QLatin1Char(' ')) || hasLineBreak(h))
            return invalid(
                QStringLiteral("list.header"),
                tr("Header to remove \"%1\": give one header name.").arg(h.left(80).simplified()));
        if (!removed.contains(h, Qt::CaseInsensitive))
            removed << h;
    }
    s.removeHeaders = removed;
    return s;
}

QString ListSettings::accessPolicy() const {
    switch (posting) {
    case Posting::ModeratorsOnly:
        return QStringLiteral("moderatorsonly");
    case Posting::SubscribersOnly:
        return QStringLiteral("membersonly");
    case Posting::Anyone:
        break;
    }
    return {};
}

} // namespace maildeck::lists
