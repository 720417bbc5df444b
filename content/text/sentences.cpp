#include "content/text/sentences.hpp"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>
#include <string>

namespace content {

std::vector<std::pair<size_t, size_t>> sentences(std::u32string_view text, std::string_view lang) {
    std::vector<std::pair<size_t, size_t>> out;
    if (text.empty()) return out;
    const icu::UnicodeString utf16 = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()), static_cast<int32_t>(text.size()));
    // Making an iterator loads its rules (milliseconds); one per language and thread is kept.
    thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>, std::less<>> made;
    auto it = made.find(lang);
    if (it == made.end()) {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> breaks(icu::BreakIterator::createSentenceInstance(icu::Locale(std::string(lang).c_str()), status));
        if (U_FAILURE(status)) breaks.reset();
        it = made.emplace(std::string(lang), std::move(breaks)).first;
    }
    icu::BreakIterator* breaks = it->second.get();
    if (!breaks) return {{0, text.size()}};
    breaks->setText(utf16);
    // ICU counts in UTF-16 units; the caller in characters.
    size_t begin = 0;
    for (int32_t at = breaks->next(); at != icu::BreakIterator::DONE; at = breaks->next()) {
        const auto end = static_cast<size_t>(utf16.countChar32(0, at));
        if (end > begin) out.emplace_back(begin, end);
        begin = end;
    }
    if (begin < text.size()) out.emplace_back(begin, text.size());
    return out;
}

}  // namespace content
