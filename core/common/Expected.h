// Errors as values: a result or a message a person understands, naming the file and the problem.
#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace delineate {

// Why an operation did not produce its result.
struct Error
{
    // GridMismatch: a mask that does not lie on the series' voxel grid (the UI may then offer resampling).
    enum class Kind { Failed, Cancelled, GridMismatch };

    Kind kind = Kind::Failed;
    QString message;

    static Error failed(QString text) { return Error{Kind::Failed, std::move(text)}; }
    static Error cancelled() { return Error{Kind::Cancelled, QStringLiteral("Cancelled by the user")}; }
    static Error gridMismatch(QString text) { return Error{Kind::GridMismatch, std::move(text)}; }
    bool isCancelled() const { return kind == Kind::Cancelled; }
    bool isGridMismatch() const { return kind == Kind::GridMismatch; }
};

// A value or an Error (C++17 stand-in for std::expected).
template <typename T>
class Expected
{
public:
    Expected(T value) : m_value(std::move(value)) {}
    Expected(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    T& value() & { return *m_value; }
    const T& value() const& { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    T* operator->() { return &*m_value; }
    const T* operator->() const { return &*m_value; }
    T& operator*() & { return *m_value; }
    const T& operator*() const& { return *m_value; }

    const Error& error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

// Success without a value.
template <>
class Expected<void>
{
public:
    Expected() = default;
    Expected(Error error) : m_failed(true), m_error(std::move(error)) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    bool m_failed = false;
    Error m_error;
};

} // namespace delineate
