// The plain-text readers, the guide markup and sentence breaks.
#include <doctest/doctest.h>

#include "content/text/body_blocks.hpp"
#include "content/text/markup.hpp"
#include "content/text/phone_number.hpp"
#include "content/text/sentences.hpp"
#include "content/text/text_files.hpp"

using namespace content;

TEST_CASE("UTF-8 check finds the first bad byte and accepts every script") {
    CHECK_FALSE(find_invalid_utf8("Italiano English العربية Українська 中文 አማርኛ").has_value());
    CHECK(find_invalid_utf8("ok\xFFno") == 2u);
    CHECK(find_invalid_utf8("\xC0\xAF").has_value());          // overlong '/'
    CHECK(find_invalid_utf8("\xED\xA0\x80").has_value());      // surrogate
    CHECK(find_invalid_utf8("abc\xE2\x82").has_value());       // cut short
    CHECK(line_of_offset("a\nb\nc", 4) == 3);
}

TEST_CASE("CSV: quoted commas, doubled quotes, line numbers and a BOM") {
    const auto csv = parse_csv("\xEF\xBB\xBFid,address\nx,\"Corso Regina Margherita 137, Torino\"\ny,\"say \"\"hi\"\"\"\n\nz,last");
    REQUIRE(csv.error.empty());
    REQUIRE(csv.rows.size() == 4);
    CHECK(csv.rows[0].fields[0] == "id");
    CHECK(csv.rows[1].fields[1] == "Corso Regina Margherita 137, Torino");
    CHECK(csv.rows[2].fields[1] == "say \"hi\"");
    CHECK(csv.rows[3].line == 5);
    CHECK(parse_csv("a,\"never closed\n").error.find("never closed") != std::string::npos);
}

TEST_CASE("key = value lines report what they cannot read") {
    const auto kv = parse_key_values("# comment\nnav.home = Home\n\nbroken line\n = no key\n");
    REQUIRE(kv.entries.size() == 1);
    CHECK(kv.entries[0].key == "nav.home");
    CHECK(kv.entries[0].value == "Home");
    CHECK(kv.entries[0].line == 2);
    CHECK(kv.malformed_lines == std::vector<int>{4, 5});
}

TEST_CASE("markup: headings, paragraphs, numbered steps, lists, bold and links") {
    const auto m = parse_markup(
        "Intro line one\ncontinues here.\n\n# When to call\n## Hours\n1. Call [011 0112 5500](link:rednova-phone).\n"
        "2. Say your **language**.\n- one\n- two \\*not bold\\*\n");
    REQUIRE(m.errors.empty());
    REQUIRE(m.blocks.size() == 7);
    CHECK(m.blocks[0].kind == BlockKind::Paragraph);
    CHECK(plain_text(m.blocks[0]) == "Intro line one continues here.");
    CHECK(m.blocks[1].kind == BlockKind::Heading);
    CHECK(m.blocks[2].kind == BlockKind::Subheading);
    CHECK(m.blocks[3].kind == BlockKind::Step);
    CHECK(m.blocks[3].number == 1);
    CHECK(m.blocks[4].number == 2);
    const auto& link = m.blocks[3].spans[1];
    CHECK(link.text == "011 0112 5500");
    CHECK(link.target == "link:rednova-phone");
    CHECK(m.blocks[4].spans[1].bold);
    CHECK(m.blocks[4].spans[1].text == "language");
    CHECK(m.blocks[5].kind == BlockKind::Bullet);
    CHECK(plain_text(m.blocks[6]) == "two *not bold*");
    CHECK(link_references(m).size() == 1);
}

// The translation tools cut a body into the blocks translators get one by one and put it back
// together; what they write must read as the same blocks, and a body laid out one block a line
// must come back byte for byte (an import then changes only the lines translated).
TEST_CASE("a body cut into blocks and put back together is the same body") {
    const std::string body = "Intro **bold** [here](link:x).\n\n# Heading\n- one\n- two\n\n## Sub\n1. first\n2. second\nAfter the steps.\n";
    const auto blocks = split_body(body);
    REQUIRE(blocks.size() == 8);
    CHECK(blocks[0].text == "Intro **bold** [here](link:x).");
    CHECK(blocks[1].kind == BlockKind::Heading);
    CHECK(blocks[1].blank_before);
    CHECK_FALSE(blocks[2].blank_before);
    CHECK(blocks[5].text == "first");  // markers off: the kiosk numbers steps itself
    CHECK(join_body(blocks) == body);

    // A paragraph's lines become one; one that reads like a step keeps its break (found by the
    // markup fuzzer: "2." then "i" is a paragraph "2. i", which on one line would be a step).
    const auto joined = split_body("Two\nlines.\n\n2.\ni\n");
    REQUIRE(joined.size() == 2);
    CHECK(joined[0].text == "Two lines.");
    CHECK(joined[1].text == "2. i");
    CHECK(joined[1].kind == BlockKind::Paragraph);
    const auto again = split_body(join_body(joined));
    REQUIRE(again.size() == 2);
    CHECK(again[1].kind == BlockKind::Paragraph);
    CHECK(again[1].text == "2. i");
}

TEST_CASE("markup errors carry their line and a fix") {
    const auto m = parse_markup("fine\n**never closed\n[no target]\n[bad](ftp://x)\n### too deep\n");
    REQUIRE(m.errors.size() == 4);
    CHECK(m.errors[0].line == 2);
    CHECK(m.errors[0].problem.find("never closed") != std::string::npos);
    CHECK(m.errors[1].line == 3);
    CHECK(m.errors[2].problem.find("ftp://x") != std::string::npos);
    CHECK(m.errors[3].line == 5);
    for (const auto& e : m.errors) CHECK_FALSE(e.fix.empty());
}

TEST_CASE("markup: a line of only # is a heading without words, not a read before the line (fuzzing finding 10)") {
    // One # was undefined behaviour (UBSan), twenty a heap read before the line's buffer (ASan).
    for (const char* hashes : {"#", "##", "# ", "## \t"}) {
        const auto m = parse_markup(std::string("Intro\n") + hashes + "\nmore\n");
        REQUIRE(m.errors.size() == 1);
        CHECK(m.errors[0].line == 2);
        CHECK(m.errors[0].problem == "a heading without words");
        CHECK(m.errors[0].fix.find("delete the line") != std::string::npos);
    }
    const auto deep = parse_markup(std::string(20, '#') + "\n");
    REQUIRE(deep.errors.size() == 1);
    CHECK(deep.errors[0].problem.find("only # and ## headings exist") != std::string::npos);
    CHECK(plain_text(deep.blocks.at(0)).empty());
}

TEST_CASE("markup: a link names an entry of links.csv, not an address, so a tap can open its QR screen") {
    const auto m = parse_markup("Call [011 0112 5500](tel:+3901101125500) or see [the site](https://example.org).\n");
    REQUIRE(m.errors.size() == 2);
    CHECK(m.errors[0].problem == "link target \"tel:+3901101125500\" is not link:<id>");
    CHECK(m.errors[0].fix.find("add the phone number or address to links.csv") != std::string::npos);
    CHECK(m.errors[1].problem.find("https://example.org") != std::string::npos);
    CHECK(parse_markup("Call [011 0112 5500](link:rednova-phone).\n").errors.empty());
}

TEST_CASE("a place's phone: Italian numbers start with 0, 3 or 8 or are short; what a spreadsheet did is named") {
    for (const char* good : {"011 0112 5500", "112", "1500", "116117", "+380 44 123 4567", "333 123 4567", "800 123 456"}) {
        INFO(good);
        CHECK_FALSE(content::phone_problem(good));
    }
    for (const auto& c : std::vector<std::pair<std::string, std::string>>{
             {"11.011255", "a spreadsheet turned into a decimal"},
             {"11 0112 5500", "starts with 1"},
             {"5 123 456", "starts with 5"},
             {"011 0112 5500 12", "has 13 digits"},
             {"+1 234 567 890 123 4567", "more than 15 digits"},
             {"011.01125500", "is not digits in groups"}}) {
        const std::string& bad = c.first;  // not a binding: clang 14 cannot capture those
        const std::string& said = c.second;
        INFO(bad);
        const auto p = content::phone_problem(bad);
        REQUIRE(p);
        CHECK(p->problem.find(said) != std::string::npos);
        CHECK_FALSE(p->fix.empty());
    }
}

TEST_CASE("sentences: a paragraph splits where each language ends a sentence, and an abbreviation or a number does not") {
    const auto texts = [](std::u32string_view text, std::string_view lang) {
        std::vector<std::u32string> out;
        size_t covered = 0;
        for (const auto& [begin, end] : content::sentences(text, lang)) {
            CHECK(begin == covered);  // in order, with nothing left out
            covered = end;
            out.emplace_back(text.substr(begin, end - begin));
        }
        CHECK(covered == text.size());
        return out;
    };
    CHECK(texts(U"Call 011 0112 5500. It is free.", "en") == std::vector<std::u32string>{U"Call 011 0112 5500. ", U"It is free."});
    CHECK(texts(U"Tel. 011 0112 5500, open 9.00–17.00", "it").size() == 1);
    CHECK(texts(U"هل تحتاج مساعدة؟ اتصل بنا.", "ar").size() == 2);
    CHECK(texts(U"请打电话。电话是免费的。", "zh").size() == 2);
    CHECK(texts(U"ደውሉ። ነጻ እዩ።", "ti").size() == 2);
    CHECK(texts(U"فون کریں۔ یہ مفت ہے۔", "ur").size() == 2);
    CHECK(texts(U"", "en").empty());
}
