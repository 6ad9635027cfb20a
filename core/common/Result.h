#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace maildeck {

// What went wrong, as a value: a stable machine code for programs and tests, and a message a
// person can act on (already translated by whoever produced it). Never carries a secret.
struct Error {
    QString code;    // e.g. "ssh.hostkey.changed", "db.duplicate"
    QString message; // human readable, translated
    QString detail;  // optional technical detail for "copy details"
};

// A std::expected-style result (std::expected is C++23; Debian 12's g++ 12 lacks it).
template <typename T> class Result {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// Result of an operation that returns nothing but may fail.
class Status {
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)) {}
    static Status success() { return {}; }
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace maildeck
