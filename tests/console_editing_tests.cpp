// The console's editing API beyond one file's save: two people's changes to different items of
// one file merged, to the same item a conflict with both texts; a change undone while later ones
// stay; a table changed a row at a time with each problem named before saving; opening hours
// read back; translating side by side with per-item conflicts and the PO import's checks.
#include "content/console/item_merge.hpp"
#include "content/console/source_publishing.hpp"
#include "content/console/table_rows.hpp"
#include "content/text/text_files.hpp"
#include "tests/console_support.hpp"

using namespace console_test;

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("console editing: changes to different items merge, to the same item conflict, and one change can be undone alone") {
    RunningConsole rc;
    rc.console->accounts().set_user({"Bruno", Role::Editor, {}}, "bruno's long password");
    auto c = rc.client();
    const auto anna = as(rc, "Anna", "anna's long password"), bruno = as(rc, "Bruno", "bruno's long password");
    const std::string path = "lang/it/strings.txt";
    const fs::path file = rc.data / "source" / path;
    const json opened = json::parse(c.Get("/api/file?path=" + path, anna)->body);
    const std::string base = opened["revision"], text = opened["text"];
    const auto put = [&](const httplib::Headers& who, const std::string& body, const std::string& from) {
        return c.Put("/api/file", who, json{{"path", path}, {"text", body}, {"base", from}}.dump(), "application/json");
    };

    // Both opened the same version; Anna changes one key, Bruno another: both kept.
    const std::string annas = replaced(text, "nav.home = Inizio", "nav.home = Pagina iniziale");
    REQUIRE(put(anna, annas, base)->status == 200);
    const std::string brunos = replaced(text, "nav.back = Indietro", "nav.back = Torna indietro");
    auto merged = put(bruno, brunos, base);
    REQUIRE(merged->status == 200);
    CHECK(json::parse(merged->body)["merged"] == true);
    const std::string both = *content::read_file(file);
    CHECK(both.find("nav.home = Pagina iniziale") != std::string::npos);
    CHECK(both.find("nav.back = Torna indietro") != std::string::npos);

    // Bruno, still on the first version, changes Anna's key too: a conflict, both texts, nothing lost.
    auto conflict = put(bruno, replaced(text, "nav.home = Inizio", "nav.home = Home"), base);
    REQUIRE(conflict->status == 409);
    CHECK(json::parse(conflict->body)["theirs"] == both);
    CHECK(content::read_file(file) == both);

    // Saving the text the file has already adds no commit.
    const json now = json::parse(c.Get("/api/file?path=" + path, anna)->body);
    const size_t commits = rc.console->source()->history(path, 100).size();
    CHECK(put(anna, both, now["revision"])->status == 200);
    CHECK(rc.console->source()->history(path, 100).size() == commits);

    // Anna's change undone: Bruno's, made after it, stays.
    const auto history = rc.console->source()->history(path, 100);
    REQUIRE(history.size() == 3);
    CHECK(history[1].author == "Anna");
    auto before_after = json::parse(c.Get("/api/change?id=" + history[1].id + "&path=" + path, anna)->body);
    CHECK(before_after["before"] == text);
    CHECK(before_after["after"] == annas);
    auto undone = c.Post("/api/revert", anna, json{{"path", path}, {"id", history[1].id}}.dump(), "application/json");
    REQUIRE(undone->status == 200);
    const std::string after_undo = *content::read_file(file);
    CHECK(after_undo.find("nav.home = Inizio") != std::string::npos);
    CHECK(after_undo.find("nav.back = Torna indietro") != std::string::npos);
    CHECK(c.Post("/api/revert", anna, json{{"path", path}, {"id", "nothing"}}.dump(), "application/json")->status == 400);
    CHECK(c.Post("/api/revert", httplib::Headers{{"Cookie", anna.find("Cookie")->second}}, json{{"path", path}, {"id", history[1].id}}.dump(), "application/json")->status == 403);
}

TEST_CASE("console tables: a row changed alone, rows merged, each problem named at its field before saving; hours read back") {
    RunningConsole rc;
    rc.console->accounts().set_user({"Bruno", Role::Editor, {}}, "bruno's long password");
    auto c = rc.client();
    const auto anna = as(rc, "Anna", "anna's long password"), bruno = as(rc, "Bruno", "bruno's long password");
    const json table = json::parse(c.Get("/api/table?name=places.csv", anna)->body);
    REQUIRE(table["columns"][0] == "id");
    const auto row_of = [&](const std::string& id) {
        for (const auto& r : table["rows"])
            if (r["fields"][0] == id) return r["fields"];
        FAIL("no row " << id);
        return json();
    };
    const auto column = [&](const std::string& name) {
        for (size_t k = 0; k < table["columns"].size(); ++k)
            if (table["columns"][k] == name) return k;
        FAIL("no column " << name);
        return size_t(0);
    };
    const auto put_row = [&](const httplib::Headers& who, const std::string& id, const json& fields, bool check) {
        return c.Put("/api/table-row", who, json{{"name", "places.csv"}, {"id", id}, {"fields", fields}, {"base", table["revision"]}, {"check", check}}.dump(),
                     "application/json");
    };
    const fs::path places = rc.data / "source" / "places.csv";
    const std::string original = *content::read_file(places);

    // Checked before saving: the problem names the column, the place and the fix; nothing written.
    json nord = row_of("hub-nord");
    nord[column("lat")] = "145.1";
    auto checked = put_row(anna, "hub-nord", nord, true);
    REQUIRE(checked->status == 200);
    const json problems = json::parse(checked->body)["problems"];
    REQUIRE(problems.size() == 1);
    CHECK(problems[0]["item"] == "place \"hub-nord\"");
    CHECK(problems[0]["problem"].get<std::string>().starts_with("lat \"145.1\""));
    CHECK_FALSE(problems[0]["fix"].get<std::string>().empty());
    CHECK(content::read_file(places) == original);
    CHECK(put_row(anna, "hub-nord", nord, false)->status == 422);
    CHECK(content::read_file(places) == original);

    // Anna sets one hub's hours, Bruno another's phone, from the same version: one line each.
    nord = row_of("hub-nord");
    nord[column("opening_hours")] = "Tu,Th 09:00-12:00";
    REQUIRE(put_row(anna, "hub-nord", nord, false)->status == 200);
    json sud = row_of("hub-sud");
    sud[column("name")] = "Snodo, \"sud\"";  // quoted as CSV asks
    auto merged = put_row(bruno, "hub-sud", sud, false);
    REQUIRE(merged->status == 200);
    CHECK(json::parse(merged->body)["merged"] == true);
    const std::string now = *content::read_file(places);
    CHECK(now.find("hub-nord,food_hub,Snodo Torino Solidale (zona nord),,45.0960,7.6890,yes,\"Tu,Th 09:00-12:00\",,food-parcels\n") != std::string::npos);
    CHECK(now.find("hub-sud,food_hub,\"Snodo, \"\"sud\"\"\",") != std::string::npos);
    CHECK(now.find(original.substr(0, original.find("hub-nord"))) == 0);  // the rows before, byte for byte
    // Bruno, on the first version, changes the same hub's row: a conflict.
    nord[column("opening_hours")] = "Mo 10:00-11:00";
    CHECK(put_row(bruno, "hub-nord", nord, false)->status == 409);

    // The hours as the form reads them back as they are typed.
    const json good = json::parse(c.Get("/api/hours?text=Tu%2CTh%2009%3A00-12%3A00", anna)->body);
    REQUIRE(good["week"].size() == 7);
    int open_days = 0;
    for (const auto& day : good["week"]) open_days += day["open"].size() == 1 && day["open"][0] == "09:00–12:00";
    CHECK(open_days == 2);
    const json bad = json::parse(c.Get("/api/hours?text=Mo-Fr%2009%3A00-17%3A00%20Monday", anna)->body);
    CHECK(bad["column"].get<int>() > 1);
    CHECK_FALSE(bad["fix"].get<std::string>().empty());
    CHECK(c.Get("/api/table?name=../bundle.ini", anna)->status == 400);
}

TEST_CASE("console translation: side by side with counts, saved through the PO import's checks, a conflict per item, only one's own languages") {
    RunningConsole rc;
    rc.console->accounts().set_user({"Amira", Role::Translator, {"ar"}}, "amira's long password");
    auto c = rc.client();
    const auto amira = as(rc, "Amira", "amira's long password");
    const json ar = json::parse(c.Get("/api/translation?lang=ar", amira)->body);
    REQUIRE(ar["counts"]["total"].get<int>() > 100);
    CHECK(ar["counts"]["total"] == ar["items"].size());
    json title;
    for (const auto& item : ar["items"])
        if (item["context"] == "guide:food-help:title") title = item;
    REQUIRE(title.is_object());
    CHECK(title["from_lang"] == "it");
    CHECK(title["from"] == "Cibo e beni di prima necessità");
    const std::string was = title["text"];

    const auto post = [&](const httplib::Headers& who, const std::string& lang, const json& items) {
        return c.Post("/api/translation", who, json{{"lang", lang}, {"items", items}}.dump(), "application/json");
    };
    auto saved = post(amira, "ar", json::array({{{"context", "guide:food-help:title"}, {"text", "الطعام والضروريات"}, {"was", was}}}));
    REQUIRE(saved->status == 200);
    CHECK(json::parse(saved->body)["changed"] == 1);
    CHECK(content::read_file(rc.data / "source/lang/ar/guides/food-help.md")->find("title: الطعام والضروريات\n") != std::string::npos);
    CHECK(rc.console->source()->history("lang/ar/guides/food-help.md", 1).at(0).author == "Amira");

    // Someone changed it meanwhile: the item comes back with both texts.
    auto stale = post(amira, "ar", json::array({{{"context", "guide:food-help:title"}, {"text", "نص آخر"}, {"was", was}}}));
    REQUIRE(stale->status == 409);
    const json conflict = json::parse(stale->body)["conflicts"][0];
    CHECK(conflict["theirs"] == "الطعام والضروريات");
    CHECK(conflict["yours"] == "نص آخر");

    // A placeholder left out is refused by the import's check, naming it; nothing is written.
    const std::string before = *content::read_file(rc.data / "source/lang/ar/strings.txt");
    json placeholder;
    for (const auto& item : ar["items"])
        if (item["from"].get<std::string>().find("{number}") != std::string::npos) placeholder = item;
    REQUIRE(placeholder.is_object());
    auto refused = post(amira, "ar", json::array({{{"context", placeholder["context"]}, {"text", "بدون رقم"}, {"was", placeholder["text"]}}}));
    REQUIRE(refused->status == 422);
    CHECK(refused->body.find("{number}") != std::string::npos);
    CHECK(content::read_file(rc.data / "source/lang/ar/strings.txt") == before);

    // Only their languages; coverage counts for everyone.
    CHECK(post(amira, "fr", json::array())->status == 403);
    const json coverage = json::parse(c.Get("/api/coverage", amira)->body);
    CHECK(coverage.size() == 16);
}

TEST_CASE("merging by item: neighbouring keys and rows merge, the same item changed twice does not, additions keep their place") {
    const std::string base = "# Screens\na = 1\nb = 2\nc = 3\n";
    CHECK(merge_items("lang/it/strings.txt", base, "# Screens\na = 1\nb = two\nc = 3\n", "# Screens\na = one\nb = 2\nc = 3\n") ==
          "# Screens\na = one\nb = two\nc = 3\n");
    CHECK(merge_items("lang/it/strings.txt", base, "# Screens\na = 1\nb = two\nc = 3\n", "# Screens\na = 1\nb = deux\nc = 3\n") == std::nullopt);
    CHECK(merge_items("lang/it/strings.txt", base, "# Screens\na = 1\nb = 2\nc = 3\nz = 26\n", "# Screens\na = 1\nab = 1.5\nb = 2\n") ==
          "# Screens\na = 1\nab = 1.5\nb = 2\nz = 26\n");  // added after a, c removed, their z kept
    CHECK(merge_items("lang/it/strings.txt", base, "# Screens\na = 1\nb = 2\nc = three\n", "# Screens\na = 1\nb = 2\n") == std::nullopt);  // removed what they changed
    CHECK(merge_items("lang/it/strings.txt", base, base, "# Changed comment\na = 1\nb = 2\nc = 3\n") == std::nullopt);

    const std::string table = "id,name\nx,\"two\nlines\"\ny,Y\n";
    CHECK(merge_items("places.csv", table, "id,name\nx,\"two\nlines\"\ny,Why\n", "id,name\nx,X\ny,Y\n") == "id,name\nx,X\ny,Why\n");
    CHECK(merge_items("places.csv", table, table, "id,name,extra\nx,X\ny,Y\n") == std::nullopt);  // the header changed

    CHECK(with_row("id,name\nx,X\ny,Y\n", "y", std::vector<std::string>{"y", "a \"quoted\", name"}) == "id,name\nx,X\ny,\"a \"\"quoted\"\", name\"\n");
    CHECK(with_row("id,name\nx,\"X\nX\"\ny,Y\n", "x", std::nullopt) == "id,name\ny,Y\n");
    CHECK(with_row("id,name\nx,X", "z", std::vector<std::string>{"z", "Z"}) == "id,name\nx,X\nz,Z\n");

    CHECK(with_version("title = T\nversion = 4\nchannel = demo\n", 6, 5) == "title = T\nversion = 6\nbased_on = 5\nchannel = demo\n");
    CHECK(with_version("version = 1\nbased_on = 3\n", 1, 0) == "version = 1\n");
}
