#pragma once
// The console's own database (DATA/console.db, SQLite): accounts, sessions, login failures, the
// audit log, the kiosks allowed to report and their reports. The content itself is not here: it
// stays in the source folder, as files content managers can also edit by hand.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>

#include "content/model/sqlite.hpp"

namespace content::console {

/// Seconds since the Unix epoch, from the console's clock (a seam for tests).
using Clock = std::function<std::int64_t()>;
Clock system_clock();

/// Opens (creating when absent) `data_dir`/console.db with its tables. Throws sql::Error naming
/// the file when it cannot.
std::unique_ptr<sql::Database> open_console_db(const std::filesystem::path& data_dir);

}  // namespace content::console
