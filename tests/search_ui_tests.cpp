// Search on the real UI, headless: typing on each on-screen keyboard layout finds a known guide;
// the layout switch; Ethiopic letter forms; every layout on screen and touch-sized; what was
// typed leaves with the visitor and is never told to the counters.
#include <doctest/doctest.h>

#include <algorithm>

#include "fonts/utf8.hpp"
#include "tests/kiosk_fixture.hpp"

using namespace test;
using kiosk::Route;

namespace {

bool shows(Kiosk& k, const std::string& control) { return k.runner.hits().center(control).has_value(); }

// Types `word` key by key, as a visitor does: a letter that is not a key is a form of one (ሉ
// of ለ), typed by tapping that key, then the form.
void type(Kiosk& k, const std::string& word) {
    for (char32_t c : fonts::decode_utf8(word)) {
        const std::string letter = fonts::encode_utf8(std::u32string(1, c));
        if (c == U' ' || shows(k, "key:" + letter)) {
            k.tap(c == U' ' ? std::string("key:space") : "key:" + letter);
            continue;
        }
        for (const auto& layout : k.app.bundle().keyboards())
            for (const auto& forms : layout.forms)
                if (std::find(forms.begin(), forms.end(), letter) != forms.end()) {
                    k.tap("key:" + forms.front());
                    k.tap("form:" + letter);
                }
    }
}

}  // namespace

TEST_CASE("typing on each keyboard layout finds a known guide") {
    struct Case {
        const char *lang, *word, *result;
    };
    const Case cases[] = {
        {"it", "permes", "result:guide:residence-permit"},    // Latin
        {"fr", "sejour", "result:guide:residence-permit"},    // Latin, without the accent the text has
        {"uk", "житл", "result:guide:housing-support"},       // Cyrillic
        {"ru", "жилье", "result:guide:housing-support"},      // Cyrillic; the text says жильём
        {"ar", "السكن", "result:guide:housing-support"},      // Arabic
        {"fa", "مسکن", "result:guide:housing-support"},       // Persian letters on the same layout
        {"it", "regina marg", "result:place:rednova-call-center"},  // a place, by its address, with a space
        {"bn", "বাসস্থান", "result:guide:housing-support"},     // Bengali: vowel sign া and virama ্ typed
        {"am", "ፈቃድ", "result:guide:residence-permit"},        // Ethiopic: ፈ a key, ቃ and ድ forms of ቀ and ደ
        {"ti", "ፍቓድ", "result:guide:residence-permit"},        // Tigrinya's own ቐ: ቓ
        {"zh", "juliu", "result:guide:residence-permit"},     // pinyin for 居留
        {"zh", "zhu fang", "result:guide:housing-support"},   // pinyin for 住房, with a space
    };
    for (const auto& c : cases) {
        INFO(c.lang << " " << c.word);
        Kiosk k(demo_bundle(), c.lang, Route::home());
        k.tap("nav:search");
        REQUIRE(k.app.route() == Route::search());
        CHECK_FALSE(shows(k, c.result));
        type(k, c.word);
        CHECK(k.app.search_text() == c.word);
        REQUIRE(shows(k, c.result));
        k.tap(c.result);
        std::string target = std::string(c.result).substr(7);  // "guide:..." or "place:..."
        CHECK(k.app.route().str() == target.replace(target.find(':'), 1, "/"));
    }
}

TEST_CASE("the keyboard starts on the visitor's script, switches layout, deletes and clears") {
    Kiosk k(demo_bundle(), "uk", Route::search());
    CHECK(shows(k, "key:ж"));
    CHECK_FALSE(shows(k, "key:q"));
    k.tap("key:layout");  // Cyrillic -> Latin, the first layout: one tap from any other
    CHECK(shows(k, "key:q"));
    type(k, "casx");
    k.tap("key:backspace");
    CHECK(k.app.search_text() == "cas");
    k.tap("key:layout");  // -> Arabic, the next: a character of another script, deleted whole
    CHECK(shows(k, "key:ش"));
    type(k, "ش");
    k.tap("key:backspace");
    CHECK(k.app.search_text() == "cas");
    k.tap("search:clear");
    CHECK(k.app.search_text().empty());
    CHECK_FALSE(shows(k, "search:clear"));

    for (int taps = 0; taps < 4; ++taps) k.tap("key:layout");  // Ethiopic, Bengali, pinyin, and round to Cyrillic
    CHECK(shows(k, "key:ж"));

    Kiosk zh(demo_bundle(), "zh", Route::search());  // Chinese: pinyin, Latin letters without accents
    CHECK(shows(zh, "key:q"));
    CHECK_FALSE(shows(zh, "key:é"));
    Kiosk so(demo_bundle(), "so", Route::search());  // no layout lists Somali: the first one, Latin
    CHECK(shows(so, "key:é"));
}

TEST_CASE("Ethiopic: a consonant, then its vowel form in its place") {
    Kiosk k(demo_bundle(), "am", Route::search());
    CHECK(shows(k, "key:ለ"));
    CHECK_FALSE(shows(k, "form:ሉ"));  // no forms before a consonant is typed
    k.tap("key:ለ");
    CHECK(k.app.search_text() == "ለ");
    CHECK(shows(k, "form:ሉ"));
    CHECK(shows(k, "form:ሏ"));
    k.tap("form:ሉ");
    CHECK(k.app.search_text() == "ሉ");
    k.tap("form:ል");  // another thought: the form replaces the form
    CHECK(k.app.search_text() == "ል");
    k.tap("key:መ");  // the next consonant: its own forms
    CHECK(k.app.search_text() == "ልመ");
    CHECK(shows(k, "form:ሙ"));
    CHECK_FALSE(shows(k, "form:ሉ"));
    k.tap("key:backspace");
    CHECK(k.app.search_text() == "ል");
    CHECK_FALSE(shows(k, "form:ሙ"));
    k.tap("key:ቐ");  // Tigrinya's letters are on the same keyboard
    k.tap("form:ቓ");
    CHECK(k.app.search_text() == "ልቓ");
    k.tap("search:clear");
    k.tap("form:ቑ");  // forms still on show after clearing: the form is typed, nothing replaced
    CHECK(k.app.search_text() == "ቑ");
}

TEST_CASE("every layout's keys and forms are on screen, touch-sized and apart, landscape and portrait") {
    kiosk::Settings settings;
    settings.screen_width_mm = 223;  // a 10.1-inch panel: 9 mm is 78 px, more than a key's 68 px at 1080p
    settings.screen_height_mm = 126;
    const float nine_mm = 9 * 1920 / 223.0f - 0.01f;
    for (const int degrees : {0, 90})
        for (const char* lang : {"am", "bn", "zh", "it", "ar"}) {
            settings.rotation = degrees;
            Kiosk k(demo_bundle(), lang, Route::search(), 1920, 1080, settings);
            if (std::string(lang) == "am") {
                k.tap("key:ቀ");  // the longest forms: ቀ ... ቆ and the ʷ series, 12 keys
                REQUIRE(shows(k, "form:ቍ"));
            }
            const int width = degrees ? 1080 : 1920, height = degrees ? 1920 : 1080;
            INFO(lang << " " << degrees << " degrees");
            int keys = 0;
            std::vector<std::pair<ImVec2, ImVec2>> seen;
            for (const auto& hit : k.runner.hits().all()) {
                const auto& id = hit.first;  // not a binding: clang 14 cannot capture those
                const auto& rect = hit.second;
                if (!id.starts_with("key:") && !id.starts_with("form:")) continue;
                INFO(id);
                ++keys;
                const auto [min, max] = rect;
                CHECK(max.x - min.x >= nine_mm);
                CHECK(max.y - min.y >= nine_mm);
                CHECK(min.x >= 0);
                CHECK(min.y >= 0.4f * static_cast<float>(height));  // the field and results keep the screen's top 40 %
                CHECK(max.x <= static_cast<float>(width));
                CHECK(max.y <= static_cast<float>(height));
                for (const auto& [bmin, bmax] : seen)
                    CHECK((max.x + 8 <= bmin.x || bmax.x + 8 <= min.x || max.y + 8 <= bmin.y || bmax.y + 8 <= min.y));
                seen.push_back(rect);
            }
            CHECK(keys >= 29);  // every key drawn: Latin's 26 letters and the bar's 3 at least
        }
}

TEST_CASE("what a visitor typed leaves with them, and is never told to the counters") {
    kiosk::Settings settings;
    settings.idle_timeout = std::chrono::seconds(20);
    settings.idle_countdown = std::chrono::seconds(5);
    Kiosk k(demo_bundle(), "it", Route::attract(), kWidth, kHeight, settings);
    std::vector<std::string> told;
    k.app.set_listener([&](const std::string& event, const std::string& item) { told.push_back(event + " " + item); });
    k.tap("attract:start");
    k.tap("lang:it");
    k.tap("nav:search");
    type(k, "cibo");
    REQUIRE(k.app.search_text() == "cibo");
    for (const auto& line : told) CHECK(line.find("cibo") == std::string::npos);
    for (int t = 0; t < 21'000; t += 100) k.step(100);  // the visitor walks away
    CHECK(k.app.route() == Route::attract());
    CHECK(k.app.search_text().empty());
    k.tap("attract:start");
    k.tap("lang:it");
    k.tap("nav:search");
    CHECK_FALSE(shows(k, "search:clear"));  // an empty field
    CHECK_FALSE(shows(k, "result:guide:food-help"));
}
