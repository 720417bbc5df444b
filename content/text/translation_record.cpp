#include "content/text/translation_record.hpp"

#include <cstdint>
#include <cstdio>
#include <set>

#include "content/text/text_files.hpp"

namespace content {

namespace {

std::string escaped(const std::string& text) {
    std::string out;
    for (const char ch : text) {
        if (ch == '\\') out += "\\\\";
        else if (ch == '\n') out += "\\n";
        else out += ch;
    }
    return out;
}

std::string unescaped(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == 'n' || text[i + 1] == '\\')) {
            out += text[i + 1] == 'n' ? '\n' : '\\';
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

KeyedLines parse(std::string_view text, bool unescape) {
    KeyedLines out;
    auto kv = parse_key_values(text);
    out.malformed_lines = std::move(kv.malformed_lines);
    for (const auto& e : kv.entries) out.values[e.key] = unescape ? unescaped(e.value) : e.value;
    return out;
}

}  // namespace

std::string text_fingerprint(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ull;
    for (const char ch : text) {
        hash ^= static_cast<unsigned char>(ch);
        hash *= 1099511628211ull;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

KeyedLines parse_translation_record(std::string_view text) { return parse(text, false); }

KeyedLines parse_source_texts(std::string_view text) { return parse(text, true); }

std::string format_translation_record(const std::map<std::string, std::string>& fingerprints, const std::string& lang) {
    std::string out = "# For each translation in lang/" + lang + "/, the fingerprint of the text it was translated from (its\n"
                      "# text is in lang/" + kSourceTextsName + "). When that text changes, the translation is outdated until\n"
                      "# it is translated again. Written by kiosk-bundle import-po and mark-translated; not edited by hand.\n";
    for (const auto& [item, fingerprint] : fingerprints) out += item + " = " + fingerprint + "\n";
    return out;
}

std::string format_source_texts(const std::vector<std::string>& texts) {
    std::map<std::string, std::string> by_fingerprint;
    for (const auto& text : texts) by_fingerprint.emplace(text_fingerprint(text), text);
    std::string out = "# The texts translations were made from, by fingerprint (lang/<code>/" + std::string(kTranslationRecordName) +
                      "), so that\n# an outdated translation can be shown beside the text it was made from. Written by kiosk-bundle\n"
                      "# import-po and mark-translated; not edited by hand.\n";
    for (const auto& [fingerprint, text] : by_fingerprint) out += fingerprint + " = " + escaped(text) + "\n";
    return out;
}

}  // namespace content
