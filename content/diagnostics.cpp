#include "diagnostics.hpp"

#include <algorithm>

namespace content {

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

}  // namespace content
