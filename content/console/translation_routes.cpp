// Translating side by side in the console's API: a language's items (UI strings, guides' titles,
// summaries and body blocks) with the text to translate from, the language's own, and whether it
// is missing or outdated; a translator's changes saved through the same import as a PO file
// (placeholders and markup checked), tried whole in a copy, and committed by the translator.
// Coverage per language for the overview.
#include <nlohmann/json.hpp>

#include <map>

#include "content/build/source.hpp"
#include "content/build/translation_items.hpp"
#include "content/console/console_server.hpp"
#include "content/console/http_json.hpp"
#include "content/console/source_editing.hpp"
#include "content/text/text_files.hpp"
#include "content/translate/coverage.hpp"
#include "content/translate/po_file.hpp"
#include "content/translate/po_import.hpp"

namespace content::console {

namespace fs = std::filesystem;

namespace {

const char* kind_name(ItemKind kind) {
    switch (kind) {
        case ItemKind::String: return "string";
        case ItemKind::GuideTitle: return "title";
        case ItemKind::GuideSummary: return "summary";
        case ItemKind::GuideBody: return "body";
    }
    return "string";
}

// The source as it stands, or none with a 422 sent naming its errors.
std::optional<Content> loaded(const fs::path& source, httplib::Response& res) {
    Diagnostics d;
    Content content = load_source(source, d);
    if (d.error_count() == 0) return content;
    send_json(res, 422, {{"error", "the source has errors: an editor fixes them first"}, {"problems", problems_json(errors_in(d, source))}});
    return std::nullopt;
}

bool has_language(const Content& content, const std::string& lang) {
    return std::any_of(content.languages.begin(), content.languages.end(), [&](const Language& l) { return l.code == lang; });
}

// Files under `folder` (relative paths) whose bytes differ in `from` and `to`, or that `to` lacks.
std::vector<std::string> changed_files(const fs::path& from, const fs::path& to, const std::string& folder) {
    std::vector<std::string> out;
    for (const auto& entry : fs::recursive_directory_iterator(from / folder)) {
        if (!entry.is_regular_file()) continue;
        const std::string rel = entry.path().lexically_relative(from).string();
        if (read_file(entry.path()) != read_file(to / rel)) out.push_back(rel);
    }
    return out;
}

}  // namespace

void ConsoleServer::translation_routes() {
    httplib::Server& s = *server_;

    s.Get("/api/translation", [this](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        if (!signed_in(req, res, false)) return;
        if (!source_) return refuse(res, 404, kNoSource);
        const auto content = loaded(source_->folder(), res);
        if (!content) return;
        const std::string lang = req.get_param_value("lang");
        if (!has_language(*content, lang)) return refuse(res, 404, "the source has no language \"" + lang + "\"");
        json items = json::array();
        int translated = 0, outdated = 0, missing = 0;
        for (const auto& item : translation_items(*content, lang)) {
            const bool is_outdated = item.outdated();
            translated += item.translated() && !is_outdated;
            outdated += is_outdated;
            missing += !item.translated();
            items.push_back({{"context", item.context}, {"kind", kind_name(item.kind)}, {"name", item.name},
                             {"from_lang", item.reference_lang}, {"from", item.reference_text}, {"text", item.translated() ? item.text : ""},
                             {"translated", item.translated()}, {"outdated", is_outdated}, {"was_from", item.previous_text.value_or("")},
                             {"file", item.file}});
        }
        send_json(res, 200, {{"lang", lang}, {"source_language", content->meta.source_language}, {"items", items},
                             {"counts", {{"total", items.size()}, {"translated", translated}, {"outdated", outdated}, {"missing", missing}}}});
    });

    // {lang, items: [{context, text, was, confirm}]}: `was` is the text the translator saw, so a
    // translation someone else changed meanwhile is a conflict for that item, never overwritten;
    // `confirm` records an outdated translation as still right.
    s.Post("/api/translation", [this](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        const auto session = signed_in(req, res, true);
        if (!session) return;
        if (!source_) return refuse(res, 404, kNoSource);
        const auto body = json_body(req, res, {"lang"}, "{\"lang\": …, \"items\": [{\"context\", \"text\", \"was\"}]}");
        if (!body) return;
        const std::string lang = (*body)["lang"];
        if (!body->contains("items") || !(*body)["items"].is_array()) return refuse(res, 400, "send the changed items as \"items\": [...]");
        if (const auto refusal = edit_refusal("lang/" + lang + "/strings.txt", session->user)) return refuse(res, 403, *refusal);
        const auto content = loaded(source_->folder(), res);
        if (!content) return;
        if (!has_language(*content, lang)) return refuse(res, 404, "the source has no language \"" + lang + "\"");
        std::map<std::string, TranslationItem> by_context;
        for (auto& item : translation_items(*content, lang)) by_context.emplace(item.context, std::move(item));

        std::vector<PoEntry> entries;
        json conflicts = json::array();
        for (const auto& posted : (*body)["items"]) {
            if (!posted.is_object() || !posted.contains("context") || !posted["context"].is_string() || !posted.contains("text") ||
                !posted["text"].is_string() || !posted.contains("was") || !posted["was"].is_string())
                return refuse(res, 400, "each item needs \"context\", \"text\" and \"was\" (the text you started from)");
            const auto found = by_context.find(posted["context"]);
            if (found == by_context.end()) return refuse(res, 400, "the source has no item " + std::string(posted["context"]) + ": reload the page");
            const TranslationItem& item = found->second;
            const std::string current = item.translated() ? item.text : "", text = posted["text"];
            if (posted["was"] != current && text != current) {
                conflicts.push_back({{"context", item.context}, {"yours", text}, {"theirs", current}});
                continue;
            }
            const bool confirm = posted.value("confirm", false) && item.outdated();
            if (text.empty() || (text == current && !confirm)) continue;
            PoEntry e;
            e.has_msgctxt = true;
            e.msgctxt = item.po_context;
            e.msgid = item.reference_text;
            e.msgstr = text;
            entries.push_back(std::move(e));
        }
        if (!conflicts.empty())
            return send_json(res, 409, {{"error", "someone else changed these translations since you opened them: compare, then save again"},
                                        {"conflicts", conflicts}});
        if (entries.empty()) return send_json(res, 200, {{"changed", 0}});

        // The same import as a translator's PO file, tried in a copy with the whole source checked.
        const TrialCopy trial(source_->folder());
        const fs::path po = trial.folder / ".console-translation.po";
        write_file_atomically(po, write_po({{"Language", lang}, {"Content-Type", "text/plain; charset=UTF-8"}}, entries), 0600);
        Diagnostics d;
        const auto imported = import_po(trial.folder, po, d);
        fs::remove(po);
        auto problems = errors_in(d, trial.folder);
        if (problems.empty() && imported) problems = trial.errors();
        if (!imported || !problems.empty()) {
            for (auto& p : problems)
                if (p.file == po.filename().string()) p.file = "your translation";  // the PO file made of it
            return send_json(res, 422, {{"error", "the translation would break the source: nothing was saved"}, {"problems", problems_json(problems)}});
        }
        const auto changed = changed_files(trial.folder, source_->folder(), "lang");
        for (const auto& rel : changed) write_file_atomically(source_->folder() / rel, read_file(trial.folder / rel).value_or(""), 0644);
        const std::string commit = source_->commit_paths(changed, session->user.name, "Translate " + std::to_string(entries.size()) + " item(s) into " + lang);
        audit_.record(session->user.name, "translated", lang + ": " + std::to_string(entries.size()) + " item(s) (" + commit.substr(0, 12) + ")");
        send_json(res, 200, {{"changed", entries.size()}, {"commit", commit}});
    });

    // What the pages offer to choose from: languages, guides (titled in the source language),
    // links and places. Without errors only: the pages say what to fix first otherwise.
    s.Get("/api/source", [this](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        if (!signed_in(req, res, false)) return;
        if (!source_) return refuse(res, 404, kNoSource);
        const auto content = loaded(source_->folder(), res);
        if (!content) return;
        const std::string from = content->meta.source_language;
        json languages = json::array(), guides = json::array(), links = json::array(), places = json::array();
        for (const auto& l : content->languages)
            languages.push_back({{"code", l.code}, {"name", l.native_name}, {"direction", l.direction == Direction::RightToLeft ? "rtl" : "ltr"}});
        const auto source_text = content->texts.find(from);
        for (const auto& g : content->guides) {
            std::string title = g.id;
            if (source_text != content->texts.end())
                if (const auto found = source_text->second.guides.find(g.id); found != source_text->second.guides.end()) title = found->second.title;
            guides.push_back({{"id", g.id}, {"category", g.category}, {"title", title}});
        }
        for (const auto& l : content->links) links.push_back({{"id", l.id}, {"kind", l.kind}, {"target", l.target}});
        for (const auto& p : content->places) places.push_back({{"id", p.id}, {"name", p.name}, {"kind", p.kind}});
        send_json(res, 200, {{"source_language", from}, {"languages", languages}, {"guides", guides}, {"links", links}, {"places", places}});
    });

    s.Get("/api/coverage", [this](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        if (!signed_in(req, res, false)) return;
        if (!source_) return refuse(res, 404, kNoSource);
        const auto content = loaded(source_->folder(), res);
        if (!content) return;
        json languages = json::array();
        for (const auto& l : coverage(*content))
            languages.push_back({{"code", l.code}, {"name", l.native_name}, {"translated", l.translated}, {"total", l.total},
                                 {"missing", l.missing.size()}, {"outdated", l.outdated.size()}});
        send_json(res, 200, languages);
    });
}

}  // namespace content::console
