#pragma once
// Helpers shared by the tests: temporary folders, copies of the demo source to break on
// purpose, and running our command-line tools.
#include <filesystem>
#include <fstream>
#include <string>

namespace test {

namespace fs = std::filesystem;

/// A fresh folder under the system temp dir, removed when the object goes away.
class TempDir {
public:
    TempDir();
    ~TempDir();
    const fs::path& path() const { return path_; }
    fs::path operator/(const std::string& name) const { return path_ / name; }

private:
    fs::path path_;
};

/// The Torino demo source in the repository.
fs::path demo_source();
/// A copy of the demo source inside `dir`, to modify.
fs::path copy_demo_source(const TempDir& dir);
/// tests/fixtures/example-stops.csv: a mobile unit's stops, made up and marked as examples.
fs::path example_stops();

std::string read(const fs::path& path);
void write(const fs::path& path, const std::string& text);
/// Replaces the first occurrence of `from` in a file; fails the test when it is not there.
void replace_in_file(const fs::path& path, const std::string& from, const std::string& to);

struct Run {
    int status;
    std::string output;  // stdout and stderr together
};
/// Runs a shell command line and captures what it prints.
Run run(const std::string& command);
/// Runs a command line that, on a program with the bug under test, would hang or read without
/// end: stopped after 20 s (status 124, so the test fails rather than hangs) and, outside the
/// sanitizer build (whose shadow memory needs the address space), limited to 2 GB of memory.
Run run_bounded(const std::string& command);
/// Runs a command on a pseudo-terminal, as a person at a keyboard: waits until it prints
/// `prompt`, then types `input` and a newline. For tools that read passwords from a terminal.
Run run_on_terminal(const std::string& command, const std::string& prompt, const std::string& input);

}  // namespace test
