#!/usr/bin/env bash
# The kiosk's voice as a person hears it: every language's screen spoken to a WAV by espeak-ng and
# checked with sox (long enough, not silence); the languages without a voice say so and speak
# with no other language's voice; the Chinese voice reads Chinese characters as Mandarin; a
# keypad script's keys and what the kiosk said (expect-speech).
# Usage: speech_tests.sh KIOSK DEMO_BUNDLE TESTS_DIR
set -u
kiosk=$1 demo=$2 tests=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$tests/lib.sh"
export SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy

# sox's statistics of a WAV: its length in seconds and its RMS amplitude (0 to 1).
wav_length() { sox "$1" -n stat 2>&1 | awk -F: '/^Length/ {print $2+0}'; }
wav_rms() { sox "$1" -n stat 2>&1 | awk -F: '/^RMS +amplitude/ {print $2+0}'; }

for lang in it en fr es ar fa ur uk ru zh ro sq am bn; do
  out=$("$kiosk" --bundle "$demo" --lang "$lang" --open guide/ukraine-call-center --speak-to "$work/$lang.wav" 2>&1); rc=$?
  check "$lang: the call center's guide is spoken" test $rc -eq 0
  check "$lang: its words are printed, in $lang" contains "$out" "$lang: "
  check "$lang: the phone number in its digit groups" contains "$out" "0 1 1, 0 1 1 2, 5 5 0 0"
  length=$(wav_length "$work/$lang.wav") rms=$(wav_rms "$work/$lang.wav")
  check "$lang: over 30 seconds of speech (got ${length:-none})" awk -v l="${length:-0}" 'BEGIN {exit !(l > 30)}'
  check "$lang: not silence (RMS ${rms:-none})" awk -v r="${rms:-0}" 'BEGIN {exit !(r > 0.02)}'
done

# Tigrinya and Somali: espeak-ng has no voice, and the Amharic or Oromo voice is not taken instead.
for page in "so guide/ukraine-call-center" "ti guide/food-help"; do
  read -r lang route <<<"$page"
  out=$("$kiosk" --bundle "$demo" --lang "$lang" --open "$route" --speak-to "$work/$lang.wav" 2>&1); rc=$?
  check "$lang $route: refused, not read with another voice" test $rc -ne 0
  check "$lang $route: says there is no voice for it" contains "$out" "no voice for $lang"
  check "$lang $route: no WAV written" test ! -e "$work/$lang.wav"
done
# The demo's Tigrinya stand-in recordings of the call center's guide are played, and only they:
# its other texts stay silent.
out=$("$kiosk" --bundle "$demo" --lang ti --open guide/ukraine-call-center --speak-to "$work/ti.wav" 2>&1); rc=$?
check "ti: the recorded guide is spoken ($out)" test $rc -eq 0
check "ti: three recorded texts" test "$(grep -c '^ti (recorded): ' <<<"$out")" -eq 3
check "ti: the rest not voiced" contains "$out" "ti (no voice): "
length=$(wav_length "$work/ti.wav") rms=$(wav_rms "$work/ti.wav")
check "ti: the recordings' length, about 18 s (got ${length:-none})" awk -v l="${length:-0}" 'BEGIN {exit !(l > 15 && l < 22)}'
check "ti: not silence (RMS ${rms:-none})" awk -v r="${rms:-0}" 'BEGIN {exit !(r > 0.02)}'

# Arabic written without its short vowels is read with them where the source gives a spoken
# variant (lang/ar/spoken.txt): the vowelled text is what the voice gets, and it sounds otherwise.
out=$("$kiosk" --bundle "$demo" --lang ar --open guide/ukraine-call-center --speak-to "$work/ar-variant.wav" 2>&1)
check "ar: the first paragraph is read with its vowels" contains "$out" "ar: هَلْ هَرَبْتَ مِنَ الْحَرْبِ"
check "ar: the unvowelled text is not what the voice gets" not_contains "$out" "ar: هل هربت"
plain=$(espeak-ng -q -x -v ar "هل هربت من الحرب" 2>/dev/null) vowelled=$(espeak-ng -q -x -v ar "هَلْ هَرَبْتَ مِنَ الْحَرْبِ" 2>/dev/null)
check "ar: espeak-ng says the vowelled words otherwise ($plain / $vowelled)" test "$plain" != "$vowelled"

# The Chinese voice reads characters in Mandarin (tones 1-5), not letter names in English.
out=$("$kiosk" --bundle "$demo" --lang zh --open home --speak-to "$work/zh-home.wav" 2>&1)
title=$(sed -n 's/^zh: //p' <<<"$out" | head -1)
phonemes=$(espeak-ng -q -x -v cmn-latn-pinyin "$title" 2>/dev/null)
check "zh: the title is read by the Mandarin voice (${title:0:20}: $phonemes)" test -n "$phonemes"
check "zh: without switching to English" not_contains "$phonemes" "(en)"

# A keypad script: the first key starts speech mode on the language chooser.
cat > "$work/keys.kscript" <<'KEYS'
key Down
expect-route languages
expect-speech Українська
expect-speech العربية
key Escape
KEYS
out=$("$kiosk" --bundle "$demo" --script "$work/keys.kscript" 2>&1); rc=$?
check "a keypad script passes ($out)" test $rc -eq 0
printf 'key Down\nexpect-speech nothing-like-this\n' > "$work/wrong.kscript"
out=$("$kiosk" --bundle "$demo" --script "$work/wrong.kscript" 2>&1); rc=$?
check "expect-speech fails on words not said" test $rc -ne 0
check "and lists what was said" contains "$out" "it said:"
printf 'key Nokey\n' > "$work/badkey.kscript"
out=$("$kiosk" --bundle "$demo" --script "$work/badkey.kscript" 2>&1)
check "an unknown key name is refused with a fix" contains "$out" "is no key SDL knows"

finish speech
