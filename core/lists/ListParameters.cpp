#include "core/lists/ListParameters.h"

#include <optional>

namespace maildeck::lists {

namespace {

struct BoolParam {
    const char *name;
    bool ListSettings::*member;
};

// mlmmjadmin's boolean parameters and the control file each one stands for (ListSettings).
const BoolParam kBools[] = {
    {"close_list", &ListSettings::closedList},
    {"disable_subscription", &ListSettings::closedListSub},
    {"disable_subscription_confirm", &ListSettings::noSubConfirm},
    {"disable_digest_subscription", &ListSettings::noDigestSub},
    {"disable_digest_text", &ListSettings::noDigestText},
    {"disable_nomail_subscription", &ListSettings::noNomailSub},
    {"if_mod_send_only_mod_moderate", &ListSettings::ifModSendOnlyModModerate},
    {"moderated", &ListSettings::moderated},
    {"moderate_non_subscriber_post", &ListSettings::moderateNonSubscriberPosts},
    {"disable_retrieving_old_posts", &ListSettings::noGet},
    {"only_subscriber_can_get_old_posts", &ListSettings::subOnlyGet},
    {"disable_retrieving_subscribers", &ListSettings::noListSubsEmail},
    {"notify_sender_when_moderated", &ListSettings::notifySenderWhenModerated},
    {"notify_owner_when_sub_unsub", &ListSettings::notifySub},
    {"disable_send_copy_to_sender", &ListSettings::notMeToo},
    {"disable_notify_subscription_moderated", &ListSettings::noSubModMails},
    {"disable_notify_when_missing_listaddress", &ListSettings::noToCcDenyMails},
    {"disable_notify_when_access_denied", &ListSettings::noAccessDenyMails},
    {"disable_notify_when_subscriber_only", &ListSettings::noSubOnlyDenyMails},
    {"disable_notify_when_moderator_only", &ListSettings::noModOnlyDenyMails},
    {"disable_notify_when_exceeding_max_mail_size", &ListSettings::noMaxMailSizeDenyMails},
    {"disable_archive", &ListSettings::noArchive},
    {"tocc", &ListSettings::tocc},
    {"reply_to_sender", &ListSettings::replyTo},
    {"enable_newsletter_subscription", &ListSettings::newsletterSubscription},
    {"moderate_subscription", &ListSettings::moderateSubscription},
};

struct TextParam {
    const char *name;
    QString ListSettings::*member;
};

const TextParam kTexts[] = {
    {"name", &ListSettings::name},
    {"subject_prefix", &ListSettings::subjectPrefix},
    {"relay_host", &ListSettings::relayHost},
    {"smtp_helo", &ListSettings::smtpHelo},
    {"footer_text", &ListSettings::footerText},
    {"footer_html", &ListSettings::footerHtml},
};

struct ListParam {
    const char *name;
    QStringList ListSettings::*member;
    bool lines; // separated by "\n" (headers), else by ','
};

const ListParam kLists[] = {
    {"owner", &ListSettings::owners, false},
    {"moderators", &ListSettings::moderators, false},
    {"subscription_moderators", &ListSettings::subscriptionModerators, false},
    {"extra_addresses", &ListSettings::extraAddresses, false},
    {"custom_headers", &ListSettings::customHeaders, true},
    {"remove_headers", &ListSettings::removeHeaders, true},
};

Error bad(const QString &message) {
    return Error{QStringLiteral("list.value"), message, {}};
}

std::optional<bool> parseBool(const QString &value) {
    const QString v = value.trimmed().toLower();
    if (v == QLatin1String("yes") || v == QLatin1String("true") || v == QLatin1String("1") ||
        v == QLatin1String("on"))
        return true;
    if (v == QLatin1String("no") || v == QLatin1String("false") || v == QLatin1String("0") ||
        v == QLatin1String("off"))
        return false;
    return std::nullopt;
}

QString yesNo(bool b) {
    return b ? QStringLiteral("yes") : QStringLiteral("no");
}

QStringList splitList(const QString &value, bool lines) {
    QString v = value;
    if (lines)
        v.replace(QLatin1String("\\n"), QLatin1String("\n"));
    QStringList items;
    const QStringList parts = lines ? v.split(QLatin1Char('\n')) : v.split(QLatin1Char(','));
    for (const QString &part : parts)
        if (!part.trimmed().isEmpty())
            items << part.trimmed();
    return items;
}

} // namespace

QStringList ListParameters::names() {
    QStringList all;
    for (const auto &[name, value] : values(ListSettings()))
        all << name;
    return all;
}

QList<std::pair<QString, QString>> ListParameters::values(const ListSettings &s) {
    QList<std::pair<QString, QString>> out;
    for (const TextParam &t : kTexts)
        if (QLatin1String(t.name) == QLatin1String("name"))
            out.append({QLatin1String(t.name), s.*(t.member)});
    out.append({QStringLiteral("only_subscriber_can_post"),
                yesNo(s.posting == ListSettings::Posting::SubscribersOnly)});
    out.append({QStringLiteral("only_moderator_can_post"),
                yesNo(s.posting == ListSettings::Posting::ModeratorsOnly)});
    for (const BoolParam &b : kBools)
        out.append({QLatin1String(b.name), yesNo(s.*(b.member))});
    out.append({QStringLiteral("max_message_size"), QString::number(s.maxMailSize)});
    out.append({QStringLiteral("smtp_port"), QString::number(s.smtpPort)});
    for (const TextParam &t : kTexts)
        if (QLatin1String(t.name) != QLatin1String("name"))
            out.append({QLatin1String(t.name), s.*(t.member)});
    for (const ListParam &l : kLists)
        out.append({QLatin1String(l.name),
                    (s.*(l.member)).join(l.lines ? QStringLiteral("\\n") : QStringLiteral(","))});
    return out;
}

Status ListParameters::apply(ListSettings &s, const QString &nameInput, const QString &value) {
    const QString name = nameInput.trimmed().toLower();
    auto needBool = [&](bool *target) -> Status {
        const std::optional<bool> b = parseBool(value);
        if (!b)
            return bad(tr("%1 takes yes or no, not \"%2\".").arg(name, value.left(40)));
        *target = *b;
        return Status::success();
    };
    if (name == QLatin1String("only_subscriber_can_post") ||
        name == QLatin1String("only_moderator_can_post")) {
        bool on = false;
        if (Status st = needBool(&on); !st)
            return st;
        const auto mine = name == QLatin1String("only_moderator_can_post")
                              ? ListSettings::Posting::ModeratorsOnly
                              : ListSettings::Posting::SubscribersOnly;
        // As mlmmjadmin: creating one file deletes the other; "no" removes only this one.
        if (on)
            s.posting = mine;
        else if (s.posting == mine)
            s.posting = ListSettings::Posting::Anyone;
        return Status::success();
    }
    for (const BoolParam &b : kBools)
        if (name == QLatin1String(b.name))
            return needBool(&(s.*(b.member)));
    for (const TextParam &t : kTexts)
        if (name == QLatin1String(t.name)) {
            s.*(t.member) = value;
            return Status::success();
        }
    for (const ListParam &l : kLists)
        if (name == QLatin1String(l.name) ||
            (QLatin1String(l.name) == QLatin1String("owner") && name == QLatin1String("owners"))) {
            s.*(l.member) = splitList(value, l.lines);
            return Status::success();
        }
    if (name == QLatin1String("max_message_size") || name == QLatin1String("smtp_port")) {
        bool ok = false;
        const qint64 number = value.trimmed().toLongLong(&ok);
        if (!ok || number < 0)
            return bad(tr("%1 takes a number, not \"%2\".").arg(name, value.left(40)));
        if (name == QLatin1String("max_message_size"))
            s.maxMailSize = number;
        else if (number > 65535)
            return bad(tr("smtp_port must be between 1 and 65535 (0: the default)."));
        else
            s.smtpPort = int(number);
        return Status::success();
    }
    return bad(tr("Unknown list setting \"%1\". Known settings: %2.")
                   .arg(name.left(60), names().join(QStringLiteral(", "))));
}

Status ListParameters::applyAssignment(ListSettings &s, const QString &assignment) {
    const qsizetype eq = assignment.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return bad(
            tr("\"%1\": write NAME=VALUE, e.g. subject_prefix=[news].").arg(assignment.left(60)));
    return apply(s, assignment.left(eq), assignment.mid(eq + 1));
}

} // namespace maildeck::lists
