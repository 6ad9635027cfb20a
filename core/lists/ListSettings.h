#pragma once

// The settings of one mlmmj list and its control files (listdir/control/<name>), exactly as
// mlmmj 1.3 reads them (TUNABLES: boolean = the file exists; normal = first line; list = one
// entry per line; text = the whole file) and as mlmmjadmin writes them (facts/iredmail.md §5.2):
// booleans are empty files, normal values are written without a trailing newline, lists are
// "a\nb\n", texts are written as given. Pure: no I/O.
//
//   ControlFiles files = …;                              // name -> content, from the server
//   ListSettings s = ListSettings::fromControlFiles(files);
//   s.posting = ListSettings::Posting::ModeratorsOnly;
//   auto out = ListSettings::toControlFiles(s);          // name -> content, nullopt = delete
//   auto changes = ListSettings::changedFiles(files, s); // only what differs in meaning
//
// Files the model does not manage (access, digestinterval, bouncelife, text/…) are never in the
// output, so a write keeps them as they are.

#include "core/common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace maildeck::lists {

using ControlFiles = QMap<QString, QByteArray>;                  // what is on disk
using ControlChanges = QMap<QString, std::optional<QByteArray>>; // nullopt = delete

struct ListSettings {
    Q_DECLARE_TR_FUNCTIONS(ListSettings)

public:
    enum class Posting {
        Anyone,          // neither subonlypost nor modonlypost
        SubscribersOnly, // subonlypost (mlmmjadmin's default)
        ModeratorsOnly,  // modonlypost (wins when both files exist: mlmmj checks it first)
    };

    QString listAddress;        // control/listaddress, first line (storage form)
    QStringList extraAddresses; // control/listaddress, further lines
    QString name;               // control/name (mlmmjadmin; not an mlmmj tunable)
    QStringList owners;         // control/owner
    QStringList moderators;     // control/moderators

    Posting posting = Posting::SubscribersOnly;
    bool moderated = false;                  // moderated
    bool moderateNonSubscriberPosts = false; // modnonsubposts
    bool ifModSendOnlyModModerate = true;    // ifmodsendonlymodmoderate
    bool notifySenderWhenModerated = false;  // notifymod

    bool closedList = false;            // closedlist: no (un)subscription by mail
    bool closedListSub = false;         // closedlistsub: no subscription by mail
    bool noSubConfirm = false;          // nosubconfirm
    bool moderateSubscription = false;  // submod exists
    QStringList subscriptionModerators; // submod lines (empty: the owners moderate)
    bool noDigestSub = false;           // nodigestsub
    bool noDigestText = false;          // nodigesttext
    bool noNomailSub = false;           // nonomailsub
    bool notifySub = false;             // notifysub: tell the owners of (un)subscriptions
    bool noSubModMails = false;         // nosubmodmails

    bool noArchive = false;       // noarchive
    bool noGet = true;            // noget
    bool subOnlyGet = true;       // subonlyget
    bool noListSubsEmail = false; // nolistsubsemail

    bool notMeToo = false;               // notmetoo
    bool tocc = true;                    // tocc
    bool replyTo = false;                // replyto (mlmmjadmin)
    bool newsletterSubscription = false; // enable_newsletter_subscription (mlmmjadmin)
    bool noToCcDenyMails = false;        // notoccdenymails
    bool noAccessDenyMails = false;      // noaccessdenymails
    bool noSubOnlyDenyMails = false;     // nosubonlydenymails
    bool noModOnlyDenyMails = false;     // nomodonlydenymails
    bool noMaxMailSizeDenyMails = false; // nomaxmailsizedenymails

    qint64 maxMailSize = 0;    // maxmailsize, bytes; 0 = no limit (no file)
    QString subjectPrefix;     // prefix
    QString relayHost;         // relayhost
    QString smtpHelo;          // smtphelo
    int smtpPort = 0;          // smtpport; 0 = mlmmj's default (25). iRedMail: 10027
    QStringList customHeaders; // customheaders, "Header: value" lines
    QStringList removeHeaders; // delheaders, each ending with ':'
    QString footerText;        // footer_text (iRedMail's altermime footer)
    QString footerHtml;        // footer_html
    QString mlmmjFooter;       // footer (mlmmj's own; mlmmjadmin leaves it alone)

    bool operator==(const ListSettings &other) const = default;

    // What mlmmjadmin writes on create when nothing else is asked for (MLMMJ_DEFAULT_PROFILE_
    // SETTINGS, iRedMail's smtp_port 10027, owner and moderator postmaster@<domain>, the
    // default custom headers). `address` in storage form.
    static ListSettings defaultsFor(const QString &address, int smtpPort = 10027);

    static ListSettings fromControlFiles(const ControlFiles &files);
    // Every managed file: its content, or nullopt when the file must not exist.
    static ControlChanges toControlFiles(const ListSettings &settings);
    // Only the managed files whose meaning changes from `current` to `settings` (a file whose
    // value is the same in another spelling, e.g. "10027\n" and "10027", is left alone).
    static ControlChanges changedFiles(const ControlFiles &current, const ListSettings &settings);
    // Every file name the model manages.
    static QStringList managedFiles();

    // Addresses normalised (storage form, lower case, deduplicated in order), headers trimmed,
    // delheaders entries ending with ':'. Errors: "list.address", "list.owner",
    // "list.moderator", "list.submod", "list.header", "list.size", "list.port",
    // "list.value" (a line break in a one-line value), "list.owner.empty",
    // "list.moderator.empty" (moderation or moderators-only posting without moderators).
    static Result<ListSettings> normalised(const ListSettings &settings);

    // maillists.accesspolicy as bk_iredmail_sql derives it: moderatorsonly, membersonly or "".
    QString accessPolicy() const;
};

} // namespace maildeck::lists
