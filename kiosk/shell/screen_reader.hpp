#pragma once
// Speaking the screen, for visitors who cannot see it or cannot read it (EN 301 549 5.1.3; the
// EZ Access keys): the page read from the top, and the items a keypad's focus ring moves through,
// every control and every text of the page in reading order, each spoken in its own language.
// It reads the last frame's DrawnText, so what is spoken is exactly what is drawn.
#include <SDL_keycode.h>

#include <string>
#include <vector>

#include "content/model/bundle.hpp"
#include "kiosk/speech/speech.hpp"
#include "kiosk/ui/drawn_text.hpp"

namespace kiosk {

class App;

/// What a key of an audio-navigation keypad or a keyboard asks for: arrows (and a numeric
/// keypad's 8/2/4/6) move, Enter (keypad 5, space) activates, Escape or Backspace go back, F1,
/// Help or "?" help, keypad 0 repeats, keypad +/- and the volume keys change the loudness,
/// keypad * and / the speed.
enum class ReaderKey { None, Next, Previous, Activate, Back, Help, Repeat, Louder, Quieter, Faster, Slower };
/// `rtl`: the left and right arrows swap, so the arrow pointing the way the text reads goes on.
ReaderKey reader_key(SDL_Keycode key, bool rtl);

/// One thing the focus ring can rest on: a control, or a text of the page that names none.
struct ReadingItem {
    std::string key;  // the control's id, or text:<n> for the page's n-th such text
    int control = -1, block = -1;  // its index in DrawnText
    int then = -1;  // a step's text after its number (block): both are one item
};
/// Everything the focus ring reaches, in reading order: the header's controls, the page's texts
/// and controls, the footer's. Whole-screen taps (the attract screen, the countdown, the map's
/// surface) are left out: a keypad reaches what they lead to another way.
std::vector<ReadingItem> reading_items(const DrawnText& drawn);

/// What one item says: a text's words, in its language; a control's name and what it is
/// ("button", "link", "language", in the visitor's language). `item` marks the utterances.
std::vector<Utterance> speak_item(const DrawnText& drawn, const ReadingItem& item, const App& app, int index);
/// The screen from the top: `title`, then the page's items from the `from`-th on.
std::vector<Utterance> speak_page(const DrawnText& drawn, const content::Localized& title, const App& app, size_t from = 0);

/// `text` as it should be heard: phone numbers said digit by digit in their groups ("011 0112
/// 5500" → "0 1 1, 0 1 1 2, 5 5 0 0"), times on the hour as the hour ("9:00" → "9", in Arabic
/// digits too), a range's dash in words with `range` ("{from} to {to}": "Monday–Friday: 9–17" →
/// "Monday to Friday: 9 to 17"), the direction marks that keep numbers in order in right-to-left
/// text taken out.
std::string spoken_text(const std::string& text, const std::string& range = "{from} to {to}");

}  // namespace kiosk
