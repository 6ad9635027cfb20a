#pragma once

// A scripted Prompter for tests: answers from queues per kind, records every request.

#include "core/ssh/Prompter.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFuture>
#include <QList>
#include <QMap>
#include <QTest>

#include <optional>

class TestPrompter : public maildeck::Prompter {
public:
    using Kind = maildeck::SecretRequest::Kind;

    void answer(Kind kind, const QString &secret, bool remember = false) {
        m_answers[int(kind)].append(maildeck::SecretAnswer{secret, remember});
    }
    int count(Kind kind) const {
        int n = 0;
        for (const auto &r : requests)
            n += r.kind == kind;
        return n;
    }

    void askSecret(const maildeck::SecretRequest &request, SecretReply reply) override {
        requests.append(request);
        auto &queue = m_answers[int(request.kind)];
        if (queue.isEmpty()) {
            reply(std::nullopt); // nothing scripted: the person cancels
            return;
        }
        reply(queue.takeFirst());
    }
    void confirmHostKey(const maildeck::HostKeyInfo &info, const QString &message,
                        TrustReply reply) override {
        hostKeys.append(info);
        hostKeyMessages.append(message);
        reply(trustHostKeys);
    }

    QList<maildeck::SecretRequest> requests;
    QList<maildeck::HostKeyInfo> hostKeys;
    QStringList hostKeyMessages;
    bool trustHostKeys = false;

private:
    QMap<int, QList<maildeck::SecretAnswer>> m_answers;
};

// Waits for a future while running the event loop (tests only: the UI never waits).
template <class T> std::optional<T> awaitFuture(QFuture<T> future, int timeoutMs = 60000) {
    QDeadlineTimer deadline(timeoutMs);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(5);
    if (!future.isFinished() || future.isCanceled() || future.resultCount() == 0)
        return std::nullopt;
    return future.result();
}

// The error text of a failed Status/Result for QVERIFY2 (which evaluates its message always).
template <class R> QByteArray why(const R &r) {
    if (r.ok())
        return {};
    return (r.error().code + QStringLiteral(": ") + r.error().message + QLatin1Char(' ') +
            r.error().detail)
        .toUtf8();
}
