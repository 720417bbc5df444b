#include "content/translate/po_file.hpp"

#include <gettext-po.h>
#include <unistd.h>

#include <csetjmp>
#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "content/text/text_files.hpp"

namespace content {

namespace {

// libgettextpo reports through callbacks without a user pointer, and a fatal error's callback
// must not return: the problems go to this thread's collector, and a fatal error jumps back to
// the call under way. Only C frames (the library's) lie between, so nothing is skipped that
// needed destroying; the collector is not a local, so its contents survive the jump.
struct Collector {
    std::vector<PoProblem> problems;
    std::jmp_buf fatal;
};
thread_local Collector the_collector;
thread_local Collector* collector = nullptr;

void add_problem(int severity, const char* filename, size_t lineno, const char* text) {
    if (severity == PO_SEVERITY_WARNING || collector == nullptr) return;
    // The closing "found N fatal errors" adds nothing to the errors listed before it.
    if (severity == PO_SEVERITY_FATAL_ERROR && filename == nullptr && !collector->problems.empty()) return;
    int line = filename != nullptr && lineno != static_cast<size_t>(-1) ? static_cast<int>(lineno) : 0;
    const std::string message = trim(text != nullptr ? text : "");
    // The lexer has read the newline when it finds a string unterminated, and names the line
    // after it (msgfmt says the same); the quote left open is on the line before.
    if (message == "end-of-line within string" && line > 1) --line;
    collector->problems.push_back({line, message});
}

void on_error(int severity, po_message_t, const char* filename, size_t lineno, size_t, int, const char* text) {
    add_problem(severity, filename, lineno, text);
    if (severity == PO_SEVERITY_FATAL_ERROR) std::longjmp(collector->fatal, 1);
}

// Two places of one problem (a duplicate entry and the first one): one problem, at the second,
// naming the first's line.
void on_error2(int severity, po_message_t, const char* filename1, size_t lineno1, size_t, int, const char* text1, po_message_t,
               const char* filename2, size_t lineno2, size_t, int, const char*) {
    std::string text = trim(text1 != nullptr ? text1 : "");
    if (filename2 != nullptr && lineno2 != static_cast<size_t>(-1)) text += " (the other is at line " + std::to_string(lineno2) + ")";
    add_problem(severity == PO_SEVERITY_FATAL_ERROR ? PO_SEVERITY_ERROR : severity, filename1, lineno1, text.c_str());
    if (severity == PO_SEVERITY_FATAL_ERROR) std::longjmp(collector->fatal, 1);
}

const po_xerror_handler kHandler = {on_error, on_error2};

struct FileDeleter {
    void operator()(po_file_t file) const { po_file_free(file); }
};
using PoFilePtr = std::unique_ptr<std::remove_pointer_t<po_file_t>, FileDeleter>;

std::string text_or_empty(const char* s) { return s != nullptr ? s : ""; }

std::map<std::string, std::string> header_fields(const std::string& header) {
    std::map<std::string, std::string> fields;
    for_each_line(header, [&](int, const std::string& line) {
        const auto colon = line.find(':');
        if (colon != std::string::npos) fields[trim(line.substr(0, colon))] = trim(line.substr(colon + 1));
    });
    return fields;
}

// Runs `call` with the collector in place; false when libgettextpo gave up (fatal error). Kept
// free of objects with destructors, since a fatal error longjmps back into it.
template <typename Call>
bool collecting(Call call) {
    the_collector.problems.clear();
    collector = &the_collector;
    if (setjmp(the_collector.fatal) != 0) {
        collector = nullptr;
        return false;
    }
    call();
    collector = nullptr;
    return true;
}

}  // namespace

std::string write_po(const PoHeader& header, const std::vector<PoEntry>& entries) {
    PoFilePtr file(po_file_create());
    po_message_iterator_t it = po_message_iterator(file.get(), nullptr);
    std::string header_text;
    for (const auto& [name, value] : header) header_text += name + ": " + value + "\n";
    po_message_t head = po_message_create();
    po_message_set_msgid(head, "");
    po_message_set_msgstr(head, header_text.c_str());
    po_message_insert(it, head);
    for (const auto& e : entries) {
        po_message_t m = po_message_create();
        if (e.has_msgctxt) po_message_set_msgctxt(m, e.msgctxt.c_str());
        po_message_set_msgid(m, e.msgid.c_str());
        po_message_set_msgstr(m, e.msgstr.c_str());
        if (!e.extracted_comments.empty()) po_message_set_extracted_comments(m, e.extracted_comments.c_str());
        if (!e.reference_file.empty())
            po_message_add_filepos(m, e.reference_file.c_str(), e.reference_line > 0 ? static_cast<size_t>(e.reference_line) : static_cast<size_t>(-1));
        if (!e.previous_msgid.empty()) po_message_set_prev_msgid(m, e.previous_msgid.c_str());
        po_message_set_fuzzy(m, e.fuzzy ? 1 : 0);
        if (!e.format.empty()) po_message_set_format(m, e.format.c_str(), 1);
        po_message_insert(it, m);
    }
    po_message_iterator_free(it);

    // libgettextpo writes to a named file only: a private temporary one, read back.
    std::string temp = (std::filesystem::temp_directory_path() / "kiosk-po-XXXXXX").string();
    const int fd = mkstemp(temp.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary file in " + std::filesystem::temp_directory_path().string());
    close(fd);
    const po_file_t raw = file.get();
    const char* temp_path = temp.c_str();
    const bool written = collecting([&] { po_file_write(raw, temp_path, &kHandler); });
    const auto problems = std::move(the_collector.problems);
    auto text = read_file(temp);
    std::filesystem::remove(temp);
    if (!written || !problems.empty() || !text)
        throw std::runtime_error("libgettextpo could not write the PO file" + (problems.empty() ? "" : ": " + problems.front().message));
    return *text;
}

PoRead read_po(const std::filesystem::path& path) {
    PoRead result;
    po_file_t raw = nullptr;
    const std::string name = path.string();
    const char* name_c = name.c_str();
    const bool read = collecting([&] { raw = po_file_read(name_c, &kHandler); });
    PoFilePtr file(read ? raw : nullptr);
    if (!read || !the_collector.problems.empty() || !file) {
        result.problems = std::move(the_collector.problems);
        if (result.problems.empty()) result.problems.push_back({0, "libgettextpo cannot read the file"});
        return result;
    }
    result.header = header_fields(text_or_empty(po_file_domain_header(file.get(), nullptr)));
    po_message_iterator_t it = po_message_iterator(file.get(), nullptr);
    while (po_message_t m = po_next_message(it)) {
        PoEntry e;
        const char* ctxt = po_message_msgctxt(m);
        e.has_msgctxt = ctxt != nullptr;
        e.msgctxt = text_or_empty(ctxt);
        e.msgid = text_or_empty(po_message_msgid(m));
        if (!e.has_msgctxt && e.msgid.empty()) continue;  // the header entry
        e.msgstr = text_or_empty(po_message_msgstr(m));
        e.has_plural = po_message_msgid_plural(m) != nullptr;
        e.fuzzy = po_message_is_fuzzy(m) != 0;
        e.obsolete = po_message_is_obsolete(m) != 0;
        if (po_message_is_format(m, "python-brace-format") == 1) e.format = "python-brace-format";
        e.extracted_comments = text_or_empty(po_message_extracted_comments(m));
        if (const char* previous = po_message_prev_msgid(m)) e.previous_msgid = previous;
        result.entries.push_back(std::move(e));
    }
    po_message_iterator_free(it);
    return result;
}

}  // namespace content
