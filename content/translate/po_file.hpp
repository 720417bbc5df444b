#pragma once
// Gettext PO files, the format translators' tools (Poedit, Weblate) edit, read and written by
// GNU libgettextpo rather than by a parser of our own: its escapes, line wrapping and error
// messages are the ones msgfmt and those tools agree on.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace content {

struct PoEntry {
    std::string msgctxt, msgid, msgstr;
    bool has_msgctxt = false;
    bool has_plural = false;           // msgid_plural: never written by us
    bool fuzzy = false;                // `#, fuzzy`: Poedit's "Needs work"
    bool obsolete = false;             // `#~` entries tools keep after a merge
    std::string previous_msgid;        // `#| msgid`: the text the translation was made from, when it changed; empty: none
    std::string format;                // a `#, …-format` flag that msgfmt -c and Poedit check, e.g. python-brace-format; empty: none
    std::string extracted_comments;    // `#.` lines, joined by newlines
    std::string reference_file;        // `#:` (written only)
    int reference_line = 0;            // 0: the file without a line
};

/// `Name: value` header fields, written in this order.
using PoHeader = std::vector<std::pair<std::string, std::string>>;

/// The PO file's text: the header entry, then the entries.
std::string write_po(const PoHeader& header, const std::vector<PoEntry>& entries);

struct PoProblem {
    int line = 0;  // 0 when libgettextpo names no line
    std::string message;
};

struct PoRead {
    std::map<std::string, std::string> header;  // field name -> value
    std::vector<PoEntry> entries;               // without the header entry
    std::vector<PoProblem> problems;            // libgettextpo's errors; when any, the rest is empty
};

PoRead read_po(const std::filesystem::path& path);

}  // namespace content
