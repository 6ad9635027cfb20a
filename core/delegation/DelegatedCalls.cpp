#include "core/delegation/DelegatedCalls.h"

#include "core/db/EmailAddress.h"
#include "core/db/SqlSupport.h"
#include "core/delegation/DelegationNames.h"
#include "core/delegation/DelegationSchema.h"

#include <QSqlQuery>

namespace maildeck::delegation {

namespace {

// Addresses go to the server in storage form (lower case, punycode); the server checks the
// shape again and refuses anything else.
Result<QString> storage(const QString &address) {
    auto parsed = db::EmailAddress::parse(address);
    if (!parsed)
        return parsed.error();
    return parsed->toStorage();
}

} // namespace

Status DelegatedCalls::call(QSqlDatabase &db, const QString &procedure, const QVariantList &args,
                            const QString &what) {
    if (!DelegationNames::isValidObjectName(procedure))
        return Error{QStringLiteral("delegation.invalid"), tr("Unknown server procedure."), {}};
    QStringList marks;
    for (qsizetype i = 0; i < args.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(QStringLiteral("CALL maildeck_delegation.%1(%2)")
                           .arg(procedure, marks.join(QLatin1Char(',')))))
        return DelegationSchema::procedureError(query.lastError(), what);
    for (const QVariant &arg : args) {
        // As in Sql::exec: a null QString is the empty text, not SQL NULL (which the
        // procedures refuse).
        if (arg.metaType() == QMetaType::fromType<QString>() && arg.toString().isNull())
            query.addBindValue(QStringLiteral(""));
        else
            query.addBindValue(arg);
    }
    if (!query.exec())
        return DelegationSchema::procedureError(query.lastError(), what);
    while (query.nextResult()) {
    }
    return Status::success();
}

Result<QStringList> DelegatedCalls::myDomains(QSqlDatabase &db) {
    auto q = db::Sql::exec(
        db, QStringLiteral("SELECT domain FROM maildeck_delegation.v_domains ORDER BY domain"), {},
        tr("list your domains"));
    if (!q)
        return q.error();
    QStringList out;
    while (q.value().next())
        out << q.value().value(0).toString();
    return out;
}

Result<QString> DelegatedCalls::whoAmI(QSqlDatabase &db) {
    auto v =
        db::Sql::scalar(db, QStringLiteral("SELECT admin_username FROM maildeck_delegation.v_me"),
                        {}, tr("identify your account"));
    if (!v)
        return v.error();
    return v.value().toString();
}

Status DelegatedCalls::createMailbox(QSqlDatabase &db, const QString &address,
                                     const QString &password, const QString &name, qint64 quotaMb,
                                     db::PasswordScheme scheme) {
    auto user = storage(address);
    if (!user)
        return user.error();
    auto hash = db::PasswordHash::generate(scheme, password);
    if (!hash)
        return hash.error();
    return call(db, QStringLiteral("mailbox_create"), {*user, *hash, name, quotaMb},
                tr("create the mailbox"));
}

Status DelegatedCalls::updateMailbox(QSqlDatabase &db, const QString &address, const QString &name,
                                     const QString &language, bool active) {
    auto user = storage(address);
    if (!user)
        return user.error();
    return call(db, QStringLiteral("mailbox_update"), {*user, name, language, active ? 1 : 0},
                tr("change the mailbox"));
}

Status DelegatedCalls::setQuota(QSqlDatabase &db, const QString &address, qint64 quotaMb) {
    auto user = storage(address);
    if (!user)
        return user.error();
    return call(db, QStringLiteral("mailbox_set_quota"), {*user, quotaMb}, tr("change the quota"));
}

Status DelegatedCalls::setPassword(QSqlDatabase &db, const QString &address,
                                   const QString &password, db::PasswordScheme scheme) {
    auto user = storage(address);
    if (!user)
        return user.error();
    auto hash = db::PasswordHash::generate(scheme, password);
    if (!hash)
        return hash.error();
    return call(db, QStringLiteral("mailbox_set_password"), {*user, *hash},
                tr("change the password"));
}

Status DelegatedCalls::deleteMailbox(QSqlDatabase &db, const QString &address, int keepDays) {
    auto user = storage(address);
    if (!user)
        return user.error();
    return call(db, QStringLiteral("mailbox_delete"), {*user, keepDays}, tr("delete the mailbox"));
}

Status DelegatedCalls::addForwarding(QSqlDatabase &db, const QString &address,
                                     const QString &destination) {
    auto user = storage(address);
    if (!user)
        return user.error();
    auto dest = storage(destination);
    if (!dest)
        return dest.error();
    return call(db, QStringLiteral("forwarding_add"), {*user, *dest}, tr("add the forwarding"));
}

Status DelegatedCalls::removeForwarding(QSqlDatabase &db, const QString &address,
                                        const QString &destination) {
    auto user = storage(address);
    if (!user)
        return user.error();
    auto dest = storage(destination);
    if (!dest)
        return dest.error();
    return call(db, QStringLiteral("forwarding_remove"), {*user, *dest},
                tr("remove the forwarding"));
}

Status DelegatedCalls::setKeepLocalCopy(QSqlDatabase &db, const QString &address, bool keep) {
    auto user = storage(address);
    if (!user)
        return user.error();
    return call(db, QStringLiteral("forwarding_set_keep_copy"), {*user, keep ? 1 : 0},
                tr("change the local copy setting"));
}

Status DelegatedCalls::createAlias(QSqlDatabase &db, const QString &address, const QString &name,
                                   const QString &accessPolicy) {
    auto alias = storage(address);
    if (!alias)
        return alias.error();
    return call(db, QStringLiteral("alias_create"), {*alias, name, accessPolicy},
                tr("create the alias"));
}

Status DelegatedCalls::updateAlias(QSqlDatabase &db, const QString &address, const QString &name,
                                   const QString &accessPolicy, bool active) {
    auto alias = storage(address);
    if (!alias)
        return alias.error();
    return call(db, QStringLiteral("alias_update"), {*alias, name, accessPolicy, active ? 1 : 0},
                tr("change the alias"));
}

Status DelegatedCalls::deleteAlias(QSqlDatabase &db, const QString &address) {
    auto alias = storage(address);
    if (!alias)
        return alias.error();
    return call(db, QStringLiteral("alias_delete"), {*alias}, tr("delete the alias"));
}

Status DelegatedCalls::addAliasMember(QSqlDatabase &db, const QString &aliasAddress,
                                      const QString &member) {
    auto alias = storage(aliasAddress);
    if (!alias)
        return alias.error();
    auto m = storage(member);
    if (!m)
        return m.error();
    return call(db, QStringLiteral("alias_member_add"), {*alias, *m}, tr("add the member"));
}

Status DelegatedCalls::removeAliasMember(QSqlDatabase &db, const QString &aliasAddress,
                                         const QString &member) {
    auto alias = storage(aliasAddress);
    if (!alias)
        return alias.error();
    auto m = storage(member);
    if (!m)
        return m.error();
    return call(db, QStringLiteral("alias_member_remove"), {*alias, *m}, tr("remove the member"));
}

Status DelegatedCalls::createMailingList(QSqlDatabase &db, const QString &address,
                                         const QString &name, const QString &accessPolicy,
                                         qint64 maxMessageSize) {
    auto list = storage(address);
    if (!list)
        return list.error();
    return call(db, QStringLiteral("maillist_create"), {*list, name, accessPolicy, maxMessageSize},
                tr("create the mailing list"));
}

Status DelegatedCalls::updateMailingList(QSqlDatabase &db, const QString &address,
                                         const QString &name, const QString &description,
                                         const QString &accessPolicy, qint64 maxMessageSize,
                                         bool active) {
    auto list = storage(address);
    if (!list)
        return list.error();
    return call(db, QStringLiteral("maillist_update"),
                {*list, name, description, accessPolicy, maxMessageSize, active ? 1 : 0},
                tr("change the mailing list"));
}

Status DelegatedCalls::deleteMailingList(QSqlDatabase &db, const QString &address) {
    auto list = storage(address);
    if (!list)
        return list.error();
    return call(db, QStringLiteral("maillist_delete"), {*list}, tr("delete the mailing list"));
}

Status DelegatedCalls::addModerator(QSqlDatabase &db, const QString &address,
                                    const QString &moderator) {
    auto a = storage(address);
    if (!a)
        return a.error();
    auto m = storage(moderator);
    if (!m)
        return m.error();
    return call(db, QStringLiteral("moderator_add"), {*a, *m}, tr("add the moderator"));
}

Status DelegatedCalls::removeModerator(QSqlDatabase &db, const QString &address,
                                       const QString &moderator) {
    auto a = storage(address);
    if (!a)
        return a.error();
    auto m = storage(moderator);
    if (!m)
        return m.error();
    return call(db, QStringLiteral("moderator_remove"), {*a, *m}, tr("remove the moderator"));
}

Status DelegatedCalls::addListOwner(QSqlDatabase &db, const QString &listAddress,
                                    const QString &owner) {
    auto list = storage(listAddress);
    if (!list)
        return list.error();
    auto o = storage(owner);
    if (!o)
        return o.error();
    return call(db, QStringLiteral("maillist_owner_add"), {*list, *o}, tr("add the owner"));
}

Status DelegatedCalls::removeListOwner(QSqlDatabase &db, const QString &listAddress,
                                       const QString &owner) {
    auto list = storage(listAddress);
    if (!list)
        return list.error();
    auto o = storage(owner);
    if (!o)
        return o.error();
    return call(db, QStringLiteral("maillist_owner_remove"), {*list, *o}, tr("remove the owner"));
}

} // namespace maildeck::delegation
