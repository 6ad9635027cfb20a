#include "core/common/WorkerThreadExit.h"

#include <QCoreApplication>
#include <QThread>

#include <openssl/crypto.h>

namespace maildeck {

void releaseWorkerThreadCryptoState() {
    const QCoreApplication *app = QCoreApplication::instance();
    if (app && app->thread() == QThread::currentThread())
        return; // the main thread's state is OpenSSL's atexit cleanup's
    OPENSSL_thread_stop();
}

} // namespace maildeck
