#pragma once

// Access to the lab's endpoints (tests/lab) for integration tests.
//
// `./dev test` exports the lab's variables (`tests/lab/lab env`) and MAILDECK_REQUIRE_LAB=1.
// Under it a missing lab is a failure; run by hand outside the lab, the test is skipped.

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QtTest/QTest>

namespace LabEnv {

inline bool required() { return qEnvironmentVariableIntValue("MAILDECK_REQUIRE_LAB") == 1; }

inline bool available() { return !qEnvironmentVariable("LAB_ROOT").isEmpty(); }

// Value of a LAB_* variable ("" when unset).
inline QString value(const char *name) { return qEnvironmentVariable(name); }

inline quint16 port(const char *name) { return quint16(qEnvironmentVariableIntValue(name)); }

// The seed manifest written by tests/lab/seed (users, passwords, aliases, lists).
inline QJsonObject manifest()
{
    QFile file(value("LAB_SEED_MANIFEST"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace LabEnv

// Use at the start of every integration test function (or initTestCase).
#define LAB_REQUIRE()                                                                              \
    do {                                                                                           \
        if (!LabEnv::available()) {                                                                \
            if (LabEnv::required())                                                                \
                QFAIL("the lab is not running: LAB_* variables are missing under ./dev test");     \
            QSKIP("the lab is not running (start it with ./dev lab up and export ./dev lab env)"); \
        }                                                                                          \
    } while (false)
