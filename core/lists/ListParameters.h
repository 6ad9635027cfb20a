#pragma once

// The settings of an mlmmj list by mlmmjadmin's parameter names (facts/iredmail.md §5.2: the
// names of its REST API and of iRedAdmin-Pro's form), for scripts: maildeck-cli's "list show"
// prints them and "list set --set NAME=VALUE" changes them. Pure: no I/O.
//
//   ListSettings s = state.settings;
//   if (Status st = ListParameters::apply(s, u"only_moderator_can_post"_s, u"yes"_s); !st) …
//   for (const auto &[name, value] : ListParameters::values(s)) print(name, value);
//
// Values: booleans yes/no (also true/false, 1/0, on/off); lists comma-separated
// (custom_headers and remove_headers: separated by "\n", as the API takes them); numbers in
// bytes (max_message_size) or as a port (smtp_port). Error "list.value" for an unknown
// name or a bad value; the result still goes through ListSettings::normalised before it is
// written.

#include "core/common/Result.h"
#include "core/lists/ListSettings.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace maildeck::lists {

class ListParameters {
    Q_DECLARE_TR_FUNCTIONS(ListParameters)

public:
    // Every parameter name, in the order values() prints them.
    static QStringList names();
    // name -> value in the forms apply() accepts.
    static QList<std::pair<QString, QString>> values(const ListSettings &settings);
    static Status apply(ListSettings &settings, const QString &name, const QString &value);
    // "NAME=VALUE" as given on a command line.
    static Status applyAssignment(ListSettings &settings, const QString &assignment);
};

} // namespace maildeck::lists
