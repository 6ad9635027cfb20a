#pragma once

namespace maildeck {

// Call at the end of a worker thread, in that thread (the SSH and database workers do it as
// their last object is deleted). libssh and the MariaDB client both work through OpenSSL, which
// keeps per-thread state that a thread-exit hook frees. Qt's threads are detached: that hook may
// still run after the owner stopped waiting for the thread, while the process exits and
// OpenSSL's atexit cleanup frees the same state — a double free (ASan caught it once in
// maildeck-cli). Released here, nothing is left for the hook. Does nothing in the main thread.
void releaseWorkerThreadCryptoState();

} // namespace maildeck
