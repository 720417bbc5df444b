#pragma once
// Facts written once. A phone number, an address or a place's name is the same in every
// language, so a text refers to it instead of repeating it: `{place.rednova-call-center.phone}`
// (also .address and .name) stands for that column of places.csv, and a link with no words of
// its own, `[](link:emergency-112)`, shows its target: a tel: link's number, a web link's host.
// The build fills them in for the kiosk; the translation tools keep them as written, so a
// changed number is changed in one place, for every language at once.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/model/model.hpp"
#include "content/text/diagnostics.hpp"

namespace content {

/// A `{place.<id>.<field>}` in a text, at [begin, end).
struct FactReference {
    size_t begin = 0, end = 0;
    std::string place, field;
};
std::vector<FactReference> fact_references(std::string_view text);

/// What `[](link:<id>)` shows: a tel: link's number (its dashes as spaces), a web link's host;
/// none for a link that has nothing a visitor could read (directions).
std::optional<std::string> link_shown_text(const Link& link);

/// `text` with its fact references and wordless links filled in; what cannot be filled (which
/// check_facts reports) is left as written.
std::string fill_facts(const Content& content, const std::string& text);
/// A copy of `content` whose every text is filled in: what the bundle holds.
Content with_facts_filled(const Content& content);

/// Each reference to a place, column or value that does not exist, and each wordless link with
/// nothing to show, as an error at its file and line. `reported(table, id)` says a row was
/// already reported (its file unreadable, the row refused): references to it stay silent.
void check_facts(const Content& content, const std::function<bool(const std::string&, const std::string&)>& reported, Diagnostics& d);

}  // namespace content
