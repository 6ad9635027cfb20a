#pragma once

// Serialises lab tests that change the lab's configuration files (main.cf, dovecot.conf and its
// includes, iRedAPD's settings.py). Every such test holds this lock while it edits, reloads and
// puts the files back:
//
//   LabConfigLock lock;              // waits up to 120 s
//   QVERIFY2(lock.isLocked(), qPrintable(lock.error()));
//
// flock(2) on $LAB_ROOT/run/config-test.lock; released in the destructor (or when the process
// dies, so a crashed test never leaves the lock held).

#include <QByteArray>
#include <QDeadlineTimer>
#include <QString>
#include <QThread>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

class LabConfigLock {
public:
    explicit LabConfigLock(int timeoutMs = 120 * 1000) {
        const QByteArray root = qgetenv("LAB_ROOT");
        if (root.isEmpty()) {
            m_error = QStringLiteral("LAB_ROOT is not set");
            return;
        }
        const QByteArray path = root + "/run/config-test.lock";
        m_fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
        if (m_fd < 0) {
            m_error =
                QStringLiteral("cannot open %1: %2")
                    .arg(QString::fromLocal8Bit(path), QString::fromLocal8Bit(strerror(errno)));
            return;
        }
        QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            if (::flock(m_fd, LOCK_EX | LOCK_NB) == 0) {
                m_locked = true;
                return;
            }
            if (errno != EWOULDBLOCK && errno != EINTR) {
                m_error =
                    QStringLiteral("flock %1: %2")
                        .arg(QString::fromLocal8Bit(path), QString::fromLocal8Bit(strerror(errno)));
                break;
            }
            if (deadline.hasExpired()) {
                m_error = QStringLiteral("another test held %1 for more than %2 s")
                              .arg(QString::fromLocal8Bit(path))
                              .arg(timeoutMs / 1000);
                break;
            }
            QThread::msleep(100);
        }
        ::close(m_fd);
        m_fd = -1;
    }
    ~LabConfigLock() { unlock(); }
    LabConfigLock(const LabConfigLock &) = delete;
    LabConfigLock &operator=(const LabConfigLock &) = delete;

    bool isLocked() const { return m_locked; }
    QString error() const { return m_error; }

    void unlock() {
        if (m_fd >= 0) {
            ::flock(m_fd, LOCK_UN);
            ::close(m_fd);
        }
        m_fd = -1;
        m_locked = false;
    }

private:
    int m_fd = -1;
    bool m_locked = false;
    QString m_error;
};
