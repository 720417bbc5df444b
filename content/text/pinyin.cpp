#include "content/text/pinyin.hpp"

#include <unicode/translit.h>
#include <unicode/uscript.h>

#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "fonts/utf8.hpp"

namespace content {

namespace {

// Building the transliterator compiles ICU's rules: once per process, not per text.
class Reader {
public:
    Reader() {
        UErrorCode error = U_ZERO_ERROR;
        // Latin-ASCII drops the tone marks: jū → ju.
        transliterator_.reset(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII", UTRANS_FORWARD, error));
        if (U_FAILURE(error) || !transliterator_)
            throw std::runtime_error(std::string("ICU has no Han-Latin transliterator (") + u_errorName(error) +
                                     "); install libicu72, which carries its data");
    }

    /// The syllable of one Han character, lower-case ASCII; empty when ICU has no reading for it.
    /// Each character is transliterated once: a text uses a few hundred, over and over, and
    /// ICU's rules cost more than the rest of the search index (a 2,000-guide build spent a
    /// sixth of its time here).
    std::string syllable(char32_t c) {
        const std::lock_guard lock(mutex_);  // a Transliterator is not safe to share between threads
        if (const auto known = syllables_.find(c); known != syllables_.end()) return known->second;
        icu::UnicodeString text(static_cast<UChar32>(c));
        transliterator_->transliterate(text);
        std::string utf8, out;
        text.toUTF8String(utf8);
        for (const char ch : utf8) {
            if (ch >= 'A' && ch <= 'Z') out += static_cast<char>(ch - 'A' + 'a');
            else if (ch >= 'a' && ch <= 'z') out += ch;
            else if (ch != ' ') {  // still a character, or something else than a syllable
                out.clear();
                break;
            }
        }
        return syllables_[c] = out;
    }

private:
    std::mutex mutex_;
    std::unordered_map<char32_t, std::string> syllables_;
    std::unique_ptr<icu::Transliterator> transliterator_;
};

bool is_han(char32_t c) {
    UErrorCode error = U_ZERO_ERROR;
    return uscript_getScript(static_cast<UChar32>(c), &error) == USCRIPT_HAN && U_SUCCESS(error);
}

void add_run(const std::vector<std::string>& syllables, std::string& out) {
    auto add = [&](const std::string& token) { out += (out.empty() ? "" : " ") + token; };
    for (const auto& s : syllables) add(s);
    for (size_t i = 0; i + 1 < syllables.size(); ++i) {
        std::string joined;
        for (size_t k = i; k < syllables.size() && k < i + kPinyinJoined; ++k) joined += syllables[k];
        add(joined);
    }
}

}  // namespace

std::string pinyin_key(std::string_view utf8) {
    static Reader reader;
    std::string out;
    std::vector<std::string> run;  // the syllables of consecutive Han characters
    for (const char32_t c : fonts::decode_utf8(utf8)) {
        std::string syllable = is_han(c) ? reader.syllable(c) : std::string();
        if (!syllable.empty()) {
            run.push_back(std::move(syllable));
            continue;
        }
        add_run(run, out);
        run.clear();
    }
    add_run(run, out);
    return out;
}

}  // namespace content
