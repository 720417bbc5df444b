#include "content/translate/coverage.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "content/build/translation_items.hpp"

#include "content/model/sqlite.hpp"

namespace content {

namespace {

std::string percent(double share) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f %%", share * 100);
    return text;
}

std::string escape_html(const std::string& s) {
    std::string out;
    for (const char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace

std::vector<LanguageCoverage> coverage(const Content& content) {
    std::vector<LanguageCoverage> out;
    for (const auto& language : content.languages) {
        LanguageCoverage c{language.code, language.native_name, 0, 0, {}, {}};
        struct GuideState {
            bool missing = false, outdated = false;
        };
        std::map<std::string, GuideState> guides;
        for (const auto& item : translation_items(content, language.code)) {
            if (item.kind != ItemKind::String) {
                auto& g = guides[item.name];
                g.missing = g.missing || !item.translated();
                g.outdated = g.outdated || item.outdated() || item.body_reshaped;
                continue;
            }
            ++c.total;
            if (!item.translated()) c.missing.push_back("string:" + item.name);
            else if (item.outdated()) c.outdated.push_back("string:" + item.name);
            else ++c.translated;
        }
        // A guide is translated when its title, summary and every block of its body are.
        for (const auto& guide : content.guides) {
            ++c.total;
            const auto g = guides.find(guide.id);
            if (g == guides.end() || g->second.missing) c.missing.push_back("guide:" + guide.id);
            else if (g->second.outdated) c.outdated.push_back("guide:" + guide.id);
            else ++c.translated;
        }
        std::sort(c.missing.begin(), c.missing.end());
        std::sort(c.outdated.begin(), c.outdated.end());
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<LanguageCoverage> bundle_coverage(const std::filesystem::path& bundle) {
    const sql::Database db(bundle, sql::Database::Mode::ReadOnly);
    const auto count = [&](const char* sql, const std::string& lang) {
        auto st = db.prepare(sql);
        if (!lang.empty()) st.bind(1, lang);
        st.step();
        return static_cast<int>(st.integer(0));
    };
    const int strings = count("SELECT count(DISTINCT key) FROM ui_string WHERE text <> ''", "");
    const int guides = count("SELECT count(*) FROM guide", "");
    std::vector<LanguageCoverage> out;
    auto languages = db.prepare("SELECT code, native_name FROM language ORDER BY position");
    while (languages.step()) {
        LanguageCoverage c{languages.text(0), languages.text(1), 0, strings + guides, {}, {}};
        c.translated = count("SELECT count(*) FROM ui_string WHERE lang = ?1 AND text <> ''", c.code) +
                       count("SELECT count(*) FROM guide_text WHERE lang = ?1 AND title <> '' AND summary <> '' AND body <> '' AND NOT outdated", c.code);
        auto outdated = db.prepare("SELECT guide_id FROM guide_text WHERE lang = ?1 AND outdated ORDER BY guide_id");
        outdated.bind(1, c.code);
        while (outdated.step()) c.outdated.push_back("guide:" + outdated.text(0));
        out.push_back(std::move(c));
    }
    return out;
}

std::string coverage_text(const std::vector<LanguageCoverage>& languages) {
    std::string out;
    for (const auto& l : languages) {
        out += l.code + "  " + percent(l.share()) + "  " + std::to_string(l.translated) + "/" + std::to_string(l.total);
        if (!l.outdated.empty()) out += "  " + std::to_string(l.outdated.size()) + " outdated";
        if (!l.missing.empty()) out += "  " + std::to_string(l.missing.size()) + " missing";
        out += "  " + l.native_name + "\n";
    }
    for (const auto& l : languages) {
        if (!l.outdated.empty()) {
            out += "\n" + l.code + " has " + std::to_string(l.outdated.size()) + " outdated (translated from a text that has changed since):\n";
            for (const auto& item : l.outdated) out += "  " + item + "\n";
        }
        if (l.missing.empty()) continue;
        out += "\n" + l.code + " lacks " + std::to_string(l.missing.size()) + ":\n";
        for (const auto& item : l.missing) out += "  " + item + "\n";
    }
    return out;
}

std::string coverage_html(const std::vector<LanguageCoverage>& languages, const std::string& title) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape_html(title) +
                      "</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                      "td,th{padding:.3em .8em;text-align:left}.bar{width:20em;background:#ddd}"
                      ".bar div{height:1em;background:#1b7837}.low div{background:#b2182b}</style></head><body>\n<h1>" +
                      escape_html(title) + "</h1>\n<table>\n<tr><th>language</th><th></th><th>translated</th><th></th></tr>\n";
    for (const auto& l : languages) {
        const std::string share = percent(l.share());
        char width[16];
        std::snprintf(width, sizeof width, "%.1f%%", l.share() * 100);
        out += "<tr><td>" + escape_html(l.code) + "</td><td>" + escape_html(l.native_name) + "</td><td>" + share + " (" +
               std::to_string(l.translated) + "/" + std::to_string(l.total) + ")</td><td><div class=\"bar" +
               (l.share() < 0.9 ? " low" : "") + "\"><div style=\"width:" + width + "\"></div></div></td></tr>\n";
    }
    out += "</table>\n";
    for (const auto& l : languages) {
        if (l.missing.empty() && l.outdated.empty()) continue;
        out += "<h2 id=\"" + escape_html(l.code) + "\">" + escape_html(l.code) + " — " + escape_html(l.native_name) + ": " +
               std::to_string(l.outdated.size()) + " outdated, " + std::to_string(l.missing.size()) + " missing</h2>\n<ul>\n";
        for (const auto& item : l.outdated) out += "<li><code>" + escape_html(item) + "</code> outdated</li>\n";
        for (const auto& item : l.missing) out += "<li><code>" + escape_html(item) + "</code> missing</li>\n";
        out += "</ul>\n";
    }
    return out + "</body></html>\n";
}

}  // namespace content
