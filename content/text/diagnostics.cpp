#include "content/text/diagnostics.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace content {

bool valid_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

bool valid_channel(std::string_view channel) {
    return !channel.empty() && std::all_of(channel.begin(), channel.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    });
}

std::string Diagnostic::format() const {
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line);
    out += severity == Severity::Error ? ": error: " : ": warning: ";
    if (!item.empty()) out += item + ": ";
    out += problem;
    if (!fix.empty()) out += ". Fix: " + fix;
    return out;
}

void Diagnostics::error(std::string file, int line, std::string item, std::string problem, std::string fix) {
    list_.push_back({Diagnostic::Severity::Error, std::move(file), line, std::move(item), std::move(problem), std::move(fix)});
}

void Diagnostics::warning(std::string file, int line, std::string item, std::string problem, std::string fix) {
    list_.push_back({Diagnostic::Severity::Warning, std::move(file), line, std::move(item), std::move(problem), std::move(fix)});
}

int Diagnostics::error_count() const {
    return static_cast<int>(std::count_if(list_.begin(), list_.end(),
                                          [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Error; }));
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::string Diagnostics::json(const std::string& source) const {
    auto problems = nlohmann::json::array();
    for (const auto& d : list_)
        problems.push_back({{"severity", d.severity == Diagnostic::Severity::Error ? "error" : "warning"},
                            {"file", d.file},
                            {"line", d.line},
                            {"item", d.item},
                            {"problem", d.problem},
                            {"fix", d.fix},
                            {"message", d.format()}});
    const int errors = error_count();
    const nlohmann::json out{{"source", source}, {"errors", errors}, {"warnings", static_cast<int>(list_.size()) - errors}, {"problems", problems}};
    // Texts from a bad file may hold invalid UTF-8: replaced, so the output stays valid JSON.
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace content
