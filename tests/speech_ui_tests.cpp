// Speech mode driven by keys alone, headless, asserted on the speech log (what the kiosk asked its
// voice to say; no sound device is needed): the first key on the attract screen, the focus ring
// moving in reading order (mirrored in Arabic), Enter, Back, and what each control is called.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include <chrono>
#include <thread>

#include "kiosk/print/ticket_printer.hpp"
#include "kiosk/shell/screen_reader.hpp"
#include "platform/audio_output.hpp"
#include "platform/speech_synth.hpp"
#include "tests/kiosk_fixture.hpp"

using namespace test;
using kiosk::Route;

namespace {

void key(Kiosk& k, SDL_Keycode code) {
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = code;
    SDL_PushEvent(&e);
    k.runner.settle();
}

std::string said(const std::vector<kiosk::Utterance>& log) {
    std::string all;
    for (const auto& u : log) all += u.lang + ": " + u.text + "\n";
    return all;
}

bool has(const std::vector<kiosk::Utterance>& log, const std::string& lang, const std::string& part) {
    return std::any_of(log.begin(), log.end(), [&](const kiosk::Utterance& u) { return u.lang == lang && u.text.find(part) != std::string::npos; });
}

// Moves the focus with Down until it rests on `id`; at most `limit` keys.
void focus_on(Kiosk& k, const std::string& id, int limit = 80) {
    for (int i = 0; i < limit && k.runner.narrator().focus() != id; ++i) key(k, SDLK_DOWN);
    REQUIRE_MESSAGE(k.runner.narrator().focus() == id, "the focus never reached " << id << " on " << k.app.route().str());
}

}  // namespace

TEST_CASE("speech: the first key on the attract screen starts speech mode and says each language's name in its own voice") {
    Kiosk k(demo_bundle(), "it", Route::attract());
    k.runner.speech().take_log();
    CHECK_FALSE(k.app.speech_mode());
    key(k, SDLK_DOWN);
    CHECK(k.app.speech_mode());
    CHECK(k.app.route() == Route::languages());
    const auto log = k.runner.speech().take_log();
    INFO(said(log));
    CHECK(has(log, "uk", "Українська"));
    CHECK(has(log, "ar", "العربية"));
    CHECK(has(log, "zh", "中文"));
    CHECK(has(log, "it", "lingua"));  // what the buttons are, in the kiosk's language
}

TEST_CASE("speech: keys alone lead from the attract screen to the call center's number, in Ukrainian") {
    Kiosk k(demo_bundle(), "it", Route::attract());
    key(k, SDLK_RETURN);  // starts speech mode: the language chooser
    focus_on(k, "lang:uk");
    k.runner.speech().take_log();
    key(k, SDLK_RETURN);
    CHECK(k.app.lang() == "uk");
    CHECK(k.app.route() == Route::home());
    focus_on(k, "category:ukraine");
    key(k, SDLK_RETURN);
    // The category has one guide, or the guide is a card of its own: either way Enter reaches it.
    if (k.app.route().screen == Route::Screen::Category) {
        focus_on(k, "guide:ukraine-call-center");
        key(k, SDLK_RETURN);
    }
    CHECK(k.app.route() == Route::guide("ukraine-call-center"));
    const auto log = k.runner.speech().take_log();
    INFO(said(log));
    // The page is spoken from the top on arrival: the phone number in its digit groups.
    CHECK(has(log, "uk", "0 1 1, 0 1 1 2, 5 5 0 0"));
    // Back returns to the screen before, and it is spoken again.
    key(k, SDLK_ESCAPE);
    CHECK(k.app.route() != Route::guide("ukraine-call-center"));
    CHECK_FALSE(k.runner.speech().take_log().empty());
}

TEST_CASE("speech: in Arabic the focus goes right to left, and the right arrow goes back") {
    Kiosk en(demo_bundle(), "en", Route::home());
    Kiosk ar(demo_bundle(), "ar", Route::home());
    for (Kiosk* k : {&en, &ar}) {
        key(*k, SDLK_DOWN);  // speech mode, the home screen spoken
        key(*k, SDLK_DOWN);  // the first control: Back's place in the header, Home here
    }
    const std::string first = en.runner.narrator().focus();
    REQUIRE(first == ar.runner.narrator().focus());
    const auto x_of = [](Kiosk& k, const std::string& id) { return k.runner.hits().center(id)->x; };
    CHECK(x_of(en, first) < 960);  // at the left in English
    CHECK(x_of(ar, first) > 960);  // at the right in Arabic
    key(ar, SDLK_LEFT);  // in Arabic, left reads on
    const std::string second = ar.runner.narrator().focus();
    CHECK(second != first);
    key(ar, SDLK_RIGHT);  // and right goes back
    CHECK(ar.runner.narrator().focus() == first);
}

TEST_CASE("speech: every control on the main screens has a name in the visitor's language") {
    for (const char* lang : {"it", "en", "ar", "fa", "uk", "zh", "bn", "ti", "so", "am"}) {
        for (const Route& route : {Route::home(), Route::guide("ukraine-call-center"), Route::languages()}) {
            Kiosk k(demo_bundle(), lang, route);
            const auto& drawn = k.runner.drawn();
            REQUIRE_FALSE(drawn.controls.empty());
            for (const auto& c : drawn.controls) {
                INFO(lang << " " << route.str() << " " << c.id);
                CHECK_FALSE(c.label.empty());
                // A language button says its name in that language; everything else is in the visitor's.
                if (c.id.starts_with("lang:")) CHECK(c.lang == c.id.substr(5));
                else if (c.id != "idle:continue") CHECK(c.lang == lang);
            }
        }
    }
}

TEST_CASE("speech: phone numbers are said in their digit groups, hours on the hour as the hour") {
    CHECK(kiosk::spoken_text("Phone: 011 0112 5500") == "Phone: 0 1 1, 0 1 1 2, 5 5 0 0");
    CHECK(kiosk::spoken_text("+39 011 0112 5500.") == "+ 3 9, 0 1 1, 0 1 1 2, 5 5 0 0.");
    CHECK(kiosk::spoken_text("Monday to Friday, 9:00 to 17:00") == "Monday to Friday, 9 to 17");
    CHECK(kiosk::spoken_text("09:30") == "09:30");
    CHECK(kiosk::spoken_text("Corso Regina Margherita 137") == "Corso Regina Margherita 137");
    CHECK(kiosk::spoken_text("call 112") == "call 112");
    CHECK(kiosk::spoken_text("\xE2\x81\xA6" "011 0112 5500" "\xE2\x81\xA9") == "0 1 1, 0 1 1 2, 5 5 0 0");
    // Ranges in words, in the language's own; Arabic-Indic digits' hours too.
    CHECK(kiosk::spoken_text("Monday\u2013Friday: 09:00\u201317:00") == "Monday to Friday: 9 to 17");
    CHECK(kiosk::spoken_text("lunedì\u2013venerdì: 9:00\u201317:30", "{from} a {to}") == "lunedì a venerdì: 9 a 17:30");
    CHECK(kiosk::spoken_text("الاثنين\u2013الجمعة: \u0660\u0669:\u0660\u0660\u2013\u0661\u0667:\u0660\u0660", "{from} إلى {to}") ==
          "الاثنين إلى الجمعة: \u0669 إلى \u0661\u0667");
    CHECK(kiosk::spoken_text("A \u2013 B") == "A \u2013 B");  // a dash between spaces is a pause, not a range
}

namespace {

// A real voice on SDL's dummy audio driver, which plays at the speed of sound into nothing.
std::unique_ptr<kiosk::Speech> real_voice() {
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    std::string error;
    auto synth = platform::SpeechSynth::open(error);
    REQUIRE_MESSAGE(synth, error);
    auto output = platform::AudioOutput::open("", synth->sample_rate(), error);
    REQUIRE_MESSAGE(output, error);
    return std::make_unique<kiosk::Speech>(std::move(synth), std::move(output));
}

// Lets the kiosk run, in real time, until `done` or five seconds.
template <class F>
bool within_seconds(Kiosk& k, F done) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!done() && std::chrono::steady_clock::now() < until) {
        k.step(20);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return done();
}

}  // namespace

TEST_CASE("speech: Listen reads the page from the top, shows what is heard, reads from a tapped paragraph, and stops") {
    auto voice = real_voice();
    Kiosk k(demo_bundle(), "en", Route::guide("ukraine-call-center"));
    k.runner.set_speech(*voice);
    k.runner.settle();
    REQUIRE(k.runner.hits().center("speech:listen"));
    k.tap("speech:listen");
    auto log = voice->take_log();
    INFO(said(log));
    REQUIRE_FALSE(log.empty());
    CHECK(log.front().text == "Fleeing Ukraine");  // the title first
    CHECK(has(log, "en", "0 1 1, 0 1 1 2, 5 5 0 0"));
    CHECK(within_seconds(k, [&] { return voice->heard().item >= 0; }));
    CHECK(voice->speaking());

    // A tap on a paragraph in view reads from there.
    const auto& drawn = k.runner.drawn();
    const std::string paragraph = "Help by phone in Ukrainian, Russian, Italian and English.";
    const auto at = std::find(drawn.blocks.begin(), drawn.blocks.end(), paragraph);
    REQUIRE(at != drawn.blocks.end());
    const auto [min, max] = drawn.boxes[static_cast<size_t>(at - drawn.blocks.begin())];
    k.finger(SDL_FINGERDOWN, ImVec2(min.x + 10, (min.y + max.y) / 2));
    k.finger(SDL_FINGERUP, ImVec2(min.x + 10, (min.y + max.y) / 2));
    k.runner.settle();
    log = voice->take_log();
    REQUIRE_FALSE(log.empty());
    CHECK(log.front().text == paragraph);

    // The button says Stop while speaking; a second tap stops.
    CHECK(k.runner.screen_text().find("Stop") != std::string::npos);
    k.tap("speech:listen");
    CHECK(within_seconds(k, [&] { return !voice->speaking(); }));
    k.step(300);  // the next frame the loop wakes for, a quarter of a second on
    CHECK(k.runner.screen_text().find("Listen") != std::string::npos);
}

TEST_CASE("speech: a paragraph is read a sentence at a time, and the sentence heard is highlighted on its own lines") {
    auto voice = real_voice();
    Kiosk k(demo_bundle(), "en", Route::guide("food-help"));
    k.runner.set_speech(*voice);
    k.runner.settle();
    k.tap("speech:listen");
    const auto log = voice->take_log();
    INFO(said(log));
    // The guide's first paragraph, two sentences: two utterances of one item, each its own part.
    const auto first = std::find_if(log.begin(), log.end(), [](const kiosk::Utterance& u) { return u.text.starts_with("Torino Solidale is"); });
    REQUIRE(first != log.end());
    REQUIRE(first + 1 != log.end());
    const kiosk::Utterance& second = *(first + 1);
    CHECK(second.text.starts_with("It helps people"));
    CHECK(second.item == first->item);
    CHECK(first->from == 0);
    CHECK(second.from == first->to);

    // Let it read until the second sentence is heard: a frame then finds that sentence's lines,
    // inside the paragraph's box but not from its start.
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(40);
    bool seen = false;
    while (!seen && std::chrono::steady_clock::now() < until) {
        k.step(50);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        const auto& drawn = k.runner.drawn();
        if (drawn.spotlight.from != static_cast<size_t>(second.from) || drawn.spotlit.empty()) continue;
        seen = true;
        const auto [min, max] = drawn.boxes[static_cast<size_t>(drawn.spotlight.block)];
        CHECK(drawn.blocks[static_cast<size_t>(drawn.spotlight.block)].starts_with("Torino Solidale is"));
        for (const auto& [line_min, line_max] : drawn.spotlit) {
            CHECK(line_min.x >= min.x - 1);
            CHECK(line_min.y >= min.y - 1);
            CHECK(line_max.x <= max.x + 1);
            CHECK(line_max.y <= max.y + 1);
        }
        const auto [start, end] = drawn.spotlit.front();
        CHECK((start.y > min.y + 1 || start.x > min.x + 1));  // it begins inside the paragraph, after the first sentence
        if (const char* png = std::getenv("SPEECH_HIGHLIGHT_PNG")) {  // to look at it
            std::string error;
            CHECK_MESSAGE(k.runner.screenshot(png, error), error);
        }
    }
    CHECK(seen);
}

TEST_CASE("speech: a language with no voice says so on its Listen button, and reads nothing with another voice") {
    auto voice = real_voice();
    Kiosk k(demo_bundle(), "so", Route::guide("ukraine-call-center"));
    k.runner.set_speech(*voice);
    k.runner.settle();
    CHECK(k.runner.screen_text().find("Cod ma jiro") != std::string::npos);
    voice->take_log();
    k.tap("speech:listen");
    CHECK_FALSE(voice->speaking());
    CHECK(voice->take_log().empty());
}

TEST_CASE("speech: in Tigrinya, Listen plays the guide's recordings and nothing else") {
    auto voice = real_voice();
    Kiosk k(demo_bundle(), "ti", Route::guide("ukraine-call-center"));
    k.runner.set_speech(*voice);
    k.runner.settle();
    CHECK(k.runner.screen_text().find("ስምዑ") != std::string::npos);  // Listen, in Tigrinya
    voice->take_log();
    k.tap("speech:listen");
    const auto log = voice->take_log();
    const auto recorded = std::count_if(log.begin(), log.end(), [](const kiosk::Utterance& u) { return u.recording != nullptr; });
    CHECK(recorded == 3);
    CHECK(within_seconds(k, [&] { return voice->heard().item >= 0 || voice->speaking(); }));
    CHECK(voice->speaking());
    // Another guide has no recording: there, Listen says there is no voice.
    k.app.open(Route::guide("food-help"));
    k.runner.settle();
    CHECK(k.runner.screen_text().find("ድምጺ የለን") != std::string::npos);
}

TEST_CASE("speech: in speech mode the countdown is heard, a tone first, and waits twice as long") {
    kiosk::Settings settings;
    settings.idle_timeout = std::chrono::seconds(20);
    settings.idle_countdown = std::chrono::seconds(5);
    Kiosk k(demo_bundle(), "en", Route::home(), kWidth, kHeight, settings);
    key(k, SDLK_DOWN);  // speech mode
    k.runner.speech().take_log();
    for (int t = 0; t < 20'000; t += 100) k.step(100);  // 20 s: a visitor without speech would see the countdown at 15
    CHECK_FALSE(k.runner.counting_down());
    for (int t = 0; t < 20'000 && !k.runner.counting_down(); t += 100) k.step(100);
    REQUIRE(k.runner.counting_down());  // at 35 s: twice the 20 s, less the countdown
    const auto log = k.runner.speech().take_log();
    INFO(said(log));
    REQUIRE(log.size() == 4);
    CHECK(log[0].tone);
    CHECK(log[1].text == "Still there?");
    CHECK(log[2].text == "Press a key or touch the screen to continue.");
    CHECK(log[3].text.find("5 seconds") != std::string::npos);
    key(k, SDLK_DOWN);  // a key keeps the visit, as a touch does
    CHECK_FALSE(k.runner.counting_down());
    CHECK(k.app.route() == Route::home());
}

TEST_CASE("speech: loudness and speed last for the visit; the next visitor starts at the usual, and nothing said is kept") {
    Kiosk k(demo_bundle(), "en", Route::home());
    key(k, SDLK_DOWN);  // speech mode
    key(k, SDLK_DOWN);
    key(k, SDLK_KP_MINUS);
    key(k, SDLK_KP_MINUS);
    key(k, SDLK_KP_DIVIDE);
    CHECK(k.runner.speech().volume() == doctest::Approx(0.6f));
    CHECK(k.runner.speech().rate() == 135);
    k.app.new_visitor();
    k.runner.settle();
    CHECK(k.runner.speech().take_log().empty());  // what the last visitor heard is not kept
    CHECK_FALSE(k.app.speech_mode());
    CHECK(k.runner.speech().volume() == doctest::Approx(1.0f));
    CHECK(k.runner.speech().rate() == 175);
}

TEST_CASE("speech: in speech mode a finger speaks what is under it, and a double tap activates it") {
    Kiosk k(demo_bundle(), "en", Route::home());
    key(k, SDLK_DOWN);  // speech mode
    k.runner.speech().take_log();
    const auto at = k.runner.hits().center("category:food");
    REQUIRE(at);
    k.finger(SDL_FINGERDOWN, *at);
    k.finger(SDL_FINGERUP, *at);
    k.runner.settle();
    CHECK(k.app.route() == Route::home());  // one touch taps nothing
    CHECK(k.runner.narrator().focus() == "category:food");
    const auto log = k.runner.speech().take_log();
    INFO(said(log));
    CHECK(has(log, "en", "Food and basic needs"));
    // A second touch a second later is another exploring touch, not a double tap.
    k.step(1000);
    k.finger(SDL_FINGERDOWN, *at);
    k.finger(SDL_FINGERUP, *at);
    k.runner.settle();
    CHECK(k.app.route() == Route::home());
    // Two quick ones activate.
    k.finger(SDL_FINGERDOWN, *at);
    k.finger(SDL_FINGERUP, *at);
    k.runner.settle();
    CHECK(k.app.route().str() != Route::home().str());
}

TEST_CASE("speech: keys alone lead to a food hub, whose unknown hours are said as unknown") {
    Kiosk k(demo_bundle(), "it", Route::attract());
    key(k, SDLK_RETURN);
    focus_on(k, "lang:en");
    key(k, SDLK_RETURN);
    focus_on(k, "category:food");
    key(k, SDLK_RETURN);
    if (k.app.route().screen == Route::Screen::Category) {
        focus_on(k, "guide:food-help");
        key(k, SDLK_RETURN);
    }
    focus_on(k, "place:hub-nord");
    k.runner.speech().take_log();
    key(k, SDLK_RETURN);
    CHECK(k.app.route() == Route::place("hub-nord"));
    const auto log = k.runner.speech().take_log();
    INFO(said(log));
    CHECK(has(log, "en", "Hours not known"));  // the seeds give no hours: never "open now"
    CHECK_FALSE(has(log, "en", "Open now"));
    // The place's name is said once, not as the title and again as the page's heading.
    CHECK(std::count_if(log.begin(), log.end(), [](const kiosk::Utterance& u) { return u.text == "Snodo Torino Solidale (zona nord)"; }) == 1);
}

namespace {

// A printer that prints at once: the ticket's text and layout are print_tests' concern.
class InstantPrinter : public kiosk::TicketPrinter {
public:
    bool print_place(const content::Bundle&, const content::PlaceView&, const std::string&) override { return printed(); }
    bool print_route(const content::Bundle&, const Route&, const std::string&) override { return printed(); }
    State state() const override { return state_; }

private:
    bool printed() {
        state_ = State::Printed;
        return true;
    }
    State state_ = State::Idle;
};

}  // namespace

TEST_CASE("speech: keys alone print a ticket, and its confirmation is said") {
    InstantPrinter printer;
    Kiosk k(demo_bundle(), "uk", Route::guide("ukraine-call-center"));
    k.app.set_printer(&printer);
    k.app.open(Route::home());
    k.runner.settle();
    k.app.open(Route::guide("ukraine-call-center"));
    k.runner.settle();
    key(k, SDLK_DOWN);  // speech mode: the guide is spoken
    focus_on(k, "ticket:print");
    k.runner.speech().take_log();
    key(k, SDLK_RETURN);
    k.runner.settle();
    const auto log = k.runner.speech().take_log();
    INFO(said(log));
    CHECK(has(log, "uk", k.bundle->ui("ticket.printed", "uk").text));
    CHECK(k.app.route() == Route::guide("ukraine-call-center"));
}
