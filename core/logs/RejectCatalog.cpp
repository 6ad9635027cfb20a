#include "core/logs/RejectCatalog.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace maildeck::logs {

CatalogText CatalogEntry::text(const QString &language) const {
    const auto it = texts.constFind(language);
    if (it != texts.constEnd() && !it->title.isEmpty())
        return *it;
    // "ja_JP" -> "ja"
    const QString base = language.section(QLatin1Char('_'), 0, 0).section(QLatin1Char('-'), 0, 0);
    const auto it2 = texts.constFind(base);
    if (it2 != texts.constEnd() && !it2->title.isEmpty())
        return *it2;
    return texts.value(QStringLiteral("en"));
}

QString RejectCatalog::defaultPath() {
    return QStringLiteral(":/maildeck/catalog/rejects.json");
}

Result<RejectCatalog> RejectCatalog::load(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return Error{
            QStringLiteral("logs.catalog.open"),
            QCoreApplication::translate("RejectCatalog", "The reject catalog could not be read."),
            path + QStringLiteral(": ") + f.errorString()};
    }
    return fromJson(f.readAll());
}

Result<RejectCatalog> RejectCatalog::fromJson(const QByteArray &json) {
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (!doc.isObject()) {
        return Error{
            QStringLiteral("logs.catalog.parse"),
            QCoreApplication::translate("RejectCatalog", "The reject catalog is not valid JSON."),
            err.errorString()};
    }
    const QJsonObject root = doc.object();
    RejectCatalog cat;
    for (const QJsonValue &l : root.value(QLatin1String("languages")).toArray())
        cat.m_languages << l.toString();
    const QJsonObject classes = root.value(QLatin1String("classes")).toObject();
    for (auto it = classes.begin(); it != classes.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        CatalogEntry e;
        e.id = it.key();
        e.verdict = o.value(QLatin1String("verdict")).toString();
        e.daemon = o.value(QLatin1String("daemon")).toString();
        e.action = o.value(QLatin1String("action")).toString();
        for (const QJsonValue &sv : o.value(QLatin1String("settings")).toArray()) {
            const QJsonObject so = sv.toObject();
            CatalogSetting s;
            s.system = so.value(QLatin1String("system")).toString();
            s.name = so.value(QLatin1String("name")).toString();
            s.name24 = so.value(QLatin1String("name24")).toString();
            s.value = so.value(QLatin1String("value")).toString();
            s.file = so.value(QLatin1String("file")).toString();
            e.settings << s;
        }
        for (const QString &lang : std::as_const(cat.m_languages)) {
            const QJsonObject t = o.value(lang).toObject();
            if (t.isEmpty())
                continue;
            CatalogText text;
            text.title = t.value(QLatin1String("title")).toString();
            text.what = t.value(QLatin1String("what")).toString();
            text.who = t.value(QLatin1String("who")).toString();
            text.fix = t.value(QLatin1String("fix")).toString();
            text.cost = t.value(QLatin1String("cost")).toString();
            e.texts.insert(lang, text);
        }
        cat.m_entries.insert(e.id, e);
    }
    if (cat.m_entries.isEmpty()) {
        return Error{
            QStringLiteral("logs.catalog.empty"),
            QCoreApplication::translate("RejectCatalog", "The reject catalog has no entries."),
            {}};
    }
    return cat;
}

const CatalogEntry *RejectCatalog::entry(ReasonClass reason) const {
    const std::string_view id = reasonId(reason);
    return entry(QString::fromLatin1(id.data(), static_cast<qsizetype>(id.size())));
}

const CatalogEntry *RejectCatalog::entry(const QString &id) const {
    const auto it = m_entries.constFind(id);
    return it == m_entries.constEnd() ? nullptr : &*it;
}

QStringList RejectCatalog::incompleteFor(const QString &language) const {
    QStringList out;
    for (int i = 0; i < kReasonClassCount; ++i) {
        const std::string_view id = reasonId(static_cast<ReasonClass>(i));
        const QString qid = QString::fromLatin1(id.data(), static_cast<qsizetype>(id.size()));
        const CatalogEntry *e = entry(qid);
        if (!e || e->verdict.isEmpty() || !e->texts.contains(language)) {
            out << qid;
            continue;
        }
        const CatalogText t = e->texts.value(language);
        if (t.title.isEmpty() || t.what.isEmpty() || t.who.isEmpty() || t.fix.isEmpty() ||
            t.cost.isEmpty())
            out << qid;
    }
    return out;
}

} // namespace maildeck::logs
