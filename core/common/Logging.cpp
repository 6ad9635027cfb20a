#include "core/common/Logging.h"

Q_LOGGING_CATEGORY(lcSsh, "maildeck.ssh", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDb, "maildeck.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLogs, "maildeck.logs", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConfig, "maildeck.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProfiles, "maildeck.profiles", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLists, "maildeck.lists", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "maildeck.ui", QtInfoMsg)
