// What a keystroke in the search box costs (target: ≤ 5 ms): Bundle::search on a bundle of
// 2,000 guides in each of the demo's 16 languages, for every prefix of a real word as a visitor
// types it, one character at a time. The guides are generated from the demo guides' own words,
// per language, so the vocabulary and the scripts are real.
// Run: build/release/tests/bench/search_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>

#include <unistd.h>

#include "content/build/source.hpp"
#include "content/build/writer.hpp"
#include "content/model/bundle.hpp"
#include "content/model/sqlite.hpp"
#include "content/text/markup.hpp"
#include "content/text/search_text.hpp"
#include "content/text/text_files.hpp"
#include "fonts/utf8.hpp"

namespace {

namespace fs = std::filesystem;
constexpr int kGuides = 2000;
constexpr int kLimit = 20;

// Chinese is written without spaces: its "words" are the demo's phrases between punctuation.
bool is_chinese(const std::string& lang) { return lang == "zh"; }

std::vector<std::string> vocabulary(const content::LanguageText& texts, const std::string& lang) {
    std::string all;
    for (const auto& [id, g] : texts.guides) {
        all += g.title + "\n" + g.summary + "\n";
        for (const auto& block : content::parse_markup(g.body).blocks) all += content::plain_text(block) + "\n";
    }
    if (is_chinese(lang))
        for (const char* mark : {"，", "。", "：", "；", "、", "（", "）", "？", "！"})
            for (size_t at; (at = all.find(mark)) != std::string::npos;) all.replace(at, std::string_view(mark).size(), " ");
    return content::split_words(all);
}

// Sentences of random words of one language; Chinese phrases are joined as Chinese is written.
struct Writer {
    std::mt19937 random{7};
    std::string words(const std::vector<std::string>& vocab, bool chinese, int low, int high) {
        const int n = std::uniform_int_distribution<int>(low, high)(random);
        std::string out;
        for (int i = 0; i < n; ++i)
            out += (i == 0 ? "" : chinese ? "，" : " ") + vocab[std::uniform_int_distribution<size_t>(0, vocab.size() - 1)(random)];
        return out;
    }
};

// 2,000 guides × 16 languages, each about as long as a demo guide, written once per process.
struct Fixture {
    fs::path dir = fs::temp_directory_path() / ("search-bench-" + std::to_string(getpid()));
    fs::path bundle_path = dir / "bench.kbundle";
    std::unique_ptr<content::Bundle> bundle;

    Fixture() {
        const auto start = std::chrono::steady_clock::now();
        content::Diagnostics d;
        const content::Content demo = content::load_source(fs::path(KIOSK_SOURCE_DIR) / "content" / "torino", d);
        content::Content c;
        c.meta = demo.meta;
        c.languages = demo.languages;
        c.categories = demo.categories;
        c.places = demo.places;
        Writer w;
        for (int i = 0; i < kGuides; ++i) c.guides.push_back({"guide-" + std::to_string(i), demo.categories[size_t(i) % demo.categories.size()].id, {}, {}, {}});
        for (const auto& lang : c.languages) {
            const auto vocab = vocabulary(demo.texts.at(lang.code), lang.code);
            const bool zh = is_chinese(lang.code);
            auto& texts = c.texts[lang.code];
            texts.strings = demo.texts.at(lang.code).strings;
            for (const auto& g : c.guides) {
                content::GuideText t;
                t.title = w.words(vocab, zh, 3, 7);
                t.summary = w.words(vocab, zh, 10, 16);
                for (int p = 0; p < 5; ++p) t.body += (p == 2 ? "- " : "") + w.words(vocab, zh, 20, 40) + (zh ? "。" : ".") + "\n\n";
                texts.guides.emplace(g.id, std::move(t));
            }
        }
        fs::create_directories(dir);
        content::write_bundle(c, bundle_path);
        bundle = std::make_unique<content::Bundle>(bundle_path);
        std::fprintf(stderr, "search_bench: %d guides x %zu languages written in %.1f s, %.1f MB\n", kGuides, c.languages.size(),
                     std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                     double(fs::file_size(bundle_path)) / 1e6);
    }
    ~Fixture() {
        bundle.reset();
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

struct Word {
    const char *lang, *text;
};
// Real words of the demo guides, typed one character (code point) at a time.
const Word kWords[] = {
    {"it", "permesso"}, {"ar", "الإقامة"}, {"uk", "проживання"}, {"zh", "居留许可"}, {"bn", "বাসস্থানের"},
};

std::vector<std::string> keystrokes(const char* word) {
    const std::u32string chars = fonts::decode_utf8(word);
    std::vector<std::string> out;
    for (size_t n = 1; n <= chars.size(); ++n) out.push_back(fonts::encode_utf8(chars.substr(0, n)));
    return out;
}

// CPU time of this thread: the machines these run on are shared, and a search waits on nothing
// else (the bundle is in the page cache after the first keystroke).
double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

// Types the word, searching after every keystroke; reports the mean keystroke and the slowest
// one (the prefix whose searches took longest on average).
template <typename Search>
void type_word(benchmark::State& state, Search search) {
    const Word& word = kWords[state.range(0)];
    const auto keys = keystrokes(word.text);
    std::vector<double> seconds(keys.size());
    size_t hits = 0;
    for (auto _ : state) {
        for (size_t k = 0; k < keys.size(); ++k) {
            const double start = cpu_seconds();
            hits = search(keys[k], word.lang);
            seconds[k] += cpu_seconds() - start;
        }
    }
    const double iterations = double(state.iterations());
    const size_t worst = size_t(std::max_element(seconds.begin(), seconds.end()) - seconds.begin());
    double total = 0;
    for (double s : seconds) total += s;
    state.counters["keystrokes"] = double(keys.size());
    state.counters["mean_ms"] = total / iterations / double(keys.size()) * 1e3;
    state.counters["worst_ms"] = seconds[worst] / iterations * 1e3;
    state.counters["hits"] = double(hits);
    state.SetLabel(std::string(word.lang) + " \"" + word.text + "\", slowest after \"" + keys[worst] + "\"");
}

// What the kiosk calls.
void BM_TypeWord(benchmark::State& state) {
    const auto& bundle = *fixture().bundle;
    type_word(state, [&](const std::string& query, const char* lang) { return bundle.search(query, lang, kLimit).size(); });
}
BENCHMARK(BM_TypeWord)->DenseRange(0, std::size(kWords) - 1)->Unit(benchmark::kMillisecond);

// The alternative to the rowid range: match in every language, then keep the visitor's through
// search_doc.lang. Kept to show why the index is laid out by language.
void BM_TypeWordFilterByJoin(benchmark::State& state) {
    content::sql::Database db(fixture().bundle_path, content::sql::Database::Mode::ReadOnly);
    type_word(state, [&](const std::string& query, const char* lang) {
        auto s = db.prepare(
            "SELECT d.kind, d.item_id FROM search JOIN search_doc AS d ON d.doc = search.rowid "
            "WHERE search MATCH ?1 AND d.lang = ?2 ORDER BY bm25(search, 10.0, 1.0) LIMIT ?3");
        s.bind(1, content::match_expression(query)).bind(2, std::string_view(lang)).bind(3, std::int64_t{kLimit});
        size_t n = 0;
        while (s.step()) ++n;
        return n;
    });
}
BENCHMARK(BM_TypeWordFilterByJoin)->DenseRange(0, std::size(kWords) - 1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
