#pragma once

// A QPromise shared by the continuations of a chain of futures (SSH command, then database
// job, then …): the one that ends the chain delivers the result.
//
//   auto p = makePromise<Status>();
//   ssh->runCommand(…).then(this, [p](Result<CommandOutput> r) { deliver(p, Status(…)); });
//   return p->future();

#include <QPromise>

#include <memory>
#include <utility>

namespace maildeck {

template <class T> using Promise = std::shared_ptr<QPromise<T>>;

template <class T> Promise<T> makePromise() {
    auto p = std::make_shared<QPromise<T>>();
    p->start();
    return p;
}

template <class T> void deliver(const Promise<T> &p, T value) {
    p->addResult(std::move(value));
    p->finish();
}

} // namespace maildeck
