#pragma once
// The kiosk's log: one line each on stderr (the journal on the Pi), and the latest problems kept
// in memory for the admin panel. Thread-safe: the updater logs from its worker.
#include <string>
#include <vector>

namespace platform::log {

/// Writes `line` as "kiosk: line".
void line(const std::string& line);
/// Writes `line` and keeps it among the recent problems.
void problem(const std::string& line);
/// The latest problems, newest first (at most 10), each with the local time it happened.
std::vector<std::string> recent_problems();
/// How many problems were logged since the program started, including those no longer kept
/// (a soak run fails on any).
long problem_count();

}  // namespace platform::log
