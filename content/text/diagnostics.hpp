#pragma once
// What content managers read when their source has a problem: the file, the line, the item,
// what is wrong and what to do about it.
#include <string>
#include <string_view>
#include <vector>

namespace content {

struct Diagnostic {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    std::string file;  // relative to the source folder
    int line = 0;      // 0 when the problem is not on one line
    std::string item;  // e.g. `place "hub-nord"`
    std::string problem;
    std::string fix;

    /// `file:line: item: problem. Fix: fix` — one line, for terminals and logs.
    std::string format() const;
};

class Diagnostics {
public:
    void error(std::string file, int line, std::string item, std::string problem, std::string fix);
    void warning(std::string file, int line, std::string item, std::string problem, std::string fix);

    bool has_errors() const;
    int error_count() const;
    const std::vector<Diagnostic>& all() const { return list_; }

    /// Every problem as one JSON object, for scripts and CI: {"source", "errors", "warnings",
    /// "problems": [{"severity", "file", "line", "item", "problem", "fix", "message"}]}.
    std::string json(const std::string& source) const;

private:
    std::vector<Diagnostic> list_;
};

/// `text` in double quotes, as messages name what a content manager wrote: place "hub-nord".
inline std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

/// Whether `id` can name an item: lower-case ASCII letters, digits and '-', and not empty.
bool valid_id(std::string_view id);

/// Whether `channel` can name a bundle's channel: one word of ASCII letters, digits, '-', '_' and
/// '.'. A signature's trusted comment carries it, and its fields end at any white space.
bool valid_channel(std::string_view channel);

}  // namespace content
