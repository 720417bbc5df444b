#pragma once
// Which source text each translation was made from. lang/<code>/translated-from.txt holds, for
// each translated item of a language, the fingerprint of the text it was translated from
// (`nav.home = 5f0e1c2a9b7d3e41`); lang/source-texts.txt holds each fingerprinted text once
// (`5f0e1c2a9b7d3e41 = Inizio`, line breaks written \n, backslashes \\), shared by every
// language, so that when the source changes the tools can show the translator the old text
// beside the new (a PO file's `#| msgid`). kiosk-bundle import-po and mark-translated write both.
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace content {

inline constexpr const char* kTranslationRecordName = "translated-from.txt";  // in lang/<code>/
inline constexpr const char* kSourceTextsName = "source-texts.txt";           // in lang/

/// 16 hexadecimal digits identifying a text (64-bit FNV-1a of its bytes): a fingerprint that
/// tells a changed text from the one recorded, not a defence against forgery.
std::string text_fingerprint(std::string_view text);

struct KeyedLines {
    std::map<std::string, std::string> values;  // key -> value (texts unescaped)
    std::vector<int> malformed_lines;
};

/// translated-from.txt: item -> fingerprint.
KeyedLines parse_translation_record(std::string_view text);
std::string format_translation_record(const std::map<std::string, std::string>& fingerprints, const std::string& lang);

/// source-texts.txt: fingerprint -> text.
KeyedLines parse_source_texts(std::string_view text);
/// The texts whose fingerprints the records use, each once.
std::string format_source_texts(const std::vector<std::string>& texts);

}  // namespace content
