#pragma once
// Thin RAII wrapper over the SQLite C API: one database handle, prepared statements, and
// errors turned into exceptions that carry SQLite's own message.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace content::sql {

struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Statement;

class Database {
public:
    enum class Mode { ReadOnly, Create };  // ReadOnly: immutable, for bundles (sqlite.cpp says why)
    Database(const std::filesystem::path& path, Mode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(const char* sql);
    Statement prepare(std::string_view sql) const;
    int user_version() const;
    sqlite3* handle() const { return db_; }
    /// While `stop()` says so, a running statement is interrupted (its step throws Error): a
    /// long integrity check of a large bundle must not hold a kiosk that is stopping.
    void interrupt_when(std::function<bool()> stop);

private:
    sqlite3* db_ = nullptr;
    std::function<bool()> stop_;
};

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept : stmt_(other.stmt_), db_(other.db_) { other.stmt_ = nullptr; }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, double value);
    Statement& bind_null(int index);
    Statement& bind_blob(int index, const std::vector<unsigned char>& bytes);
    /// Steps once; true while a row is available.
    bool step();
    /// Runs a statement that returns no rows, then resets it for reuse.
    void run();
    void reset();

    std::string text(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    bool is_null(int column) const;
    std::vector<unsigned char> blob(int column) const;

private:
    sqlite3_stmt* stmt_ = nullptr;
    sqlite3* db_ = nullptr;
};

}  // namespace content::sql
