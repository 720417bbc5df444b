// Review and publishing from the console on a real published folder: the complete diff since
// the published version, publishing signed with the publisher's own key (verified as kiosks
// verify it), the limits on who publishes and on publishing something else than was reviewed,
// a rollback that republishes an earlier version as a newer one, and the kiosk's preview.
#include "content/delivery/minisign.hpp"
#include "content/delivery/signed_bundle.hpp"
#include "content/model/bundle.hpp"
#include "content/text/text_files.hpp"
#include "tests/console_support.hpp"

using namespace console_test;

namespace {

// The hours of a place in a published bundle.
std::string hours_in(const fs::path& bundle, const std::string& id) {
    for (const auto& p : content::Bundle(bundle).places("en"))
        if (p.place.id == id) return p.place.opening_hours;
    FAIL("no place " << id);
    return {};
}

}  // namespace

TEST_CASE("console publishing: the diff since the published version, signed with the publisher's own key, and a rollback as a newer version") {
    RunningConsole rc(true);
    rc.console->accounts().set_user({"Paola", Role::Publisher, {}}, "paola's long password");
    rc.console->accounts().set_user({"Amira", Role::Translator, {"ar"}}, "amira's long password");
    auto c = rc.client();
    const auto anna = as(rc, "Anna", "anna's long password"), paola = as(rc, "Paola", "paola's long password"),
               amira = as(rc, "Amira", "amira's long password");
    const fs::path published = rc.data / "published", served = published / "torino.kbundle";
    const auto review = [&] { return json::parse(c.Get("/api/review", paola)->body); };
    const auto publish = [&](const httplib::Headers& who, const std::string& head) {
        return c.Post("/api/publish", who, json{{"head", head}}.dump(), "application/json");
    };

    // Paola has no key in the console yet: refused, with the command that adds one.
    json first = review();
    CHECK(first["published_version"] == 0);
    CHECK(first["problems"].empty());
    auto no_key = publish(paola, first["head"]);
    REQUIRE(no_key->status == 409);
    CHECK(no_key->body.find("kiosk-console set-key Paola") != std::string::npos);
    const auto [public_key, secret_key] = content::minisign::generate_key_pair();
    fs::create_directories(rc.data / "db/keys");
    content::write_file_atomically(rc.data / "db/keys/Paola.key", content::minisign::format_secret_key(secret_key, std::nullopt), 0600);

    auto v1 = publish(paola, first["head"]);
    REQUIRE(v1->status == 200);
    CHECK(json::parse(v1->body)["version"] == 1);
    const auto verified = content::verify_bundle(served, fs::path(served).concat(".minisig"), std::vector{public_key});
    CHECK(verified.meta.version == 1);
    CHECK(verified.key_id == content::minisign::key_id_hex(public_key.id));

    // Anna sets a hub's hours; the review shows the old and the new wording and who changed it.
    const json table = json::parse(c.Get("/api/table?name=places.csv", anna)->body);
    json nord;
    for (const auto& r : table["rows"])
        if (r["fields"][0] == "hub-nord") nord = r["fields"];
    nord[7] = "Tu,Th 09:00-12:00";
    REQUIRE(c.Put("/api/table-row", anna, json{{"name", "places.csv"}, {"id", "hub-nord"}, {"fields", nord}, {"base", table["revision"]}}.dump(),
                  "application/json")->status == 200);
    const json second = review();
    CHECK(second["published_version"] == 1);
    CHECK(second["next_version"] == 2);
    bool hours_line = false;
    for (const auto& line : second["changes"]) {
        const std::string l = line;
        hours_line = hours_line || (l.find("hub-nord") != std::string::npos && l.find("\"\" → \"Tu,Th 09:00-12:00\"") != std::string::npos);
        CHECK(l.find("bundle.ini version") == std::string::npos);  // publishing's own numbers are no change to review
    }
    CHECK(hours_line);
    REQUIRE(second["commits"].size() == 1);
    CHECK(second["commits"][0]["author"] == "Anna");

    // Only a publisher publishes, and only what was reviewed.
    CHECK(publish(amira, second["head"])->status == 403);
    CHECK(publish(anna, second["head"])->status == 403);
    CHECK(publish(paola, first["head"])->status == 409);  // the source moved on since that review
    CHECK(c.Post("/api/publish", httplib::Headers{{"Cookie", paola.find("Cookie")->second}}, json{{"head", second["head"]}}.dump(), "application/json")->status == 403);
    CHECK(hours_in(served, "hub-nord").empty());

    auto v2 = publish(paola, second["head"]);
    REQUIRE(v2->status == 200);
    CHECK(json::parse(v2->body)["version"] == 2);
    CHECK(hours_in(served, "hub-nord") == "Tu,Th 09:00-12:00");
    CHECK(content::read_file(rc.data / "source/bundle.ini")->find("\nversion = 2\nbased_on = 1\n") != std::string::npos);
    const json log = json::parse(c.Get("/api/publish-log", anna)->body);
    REQUIRE(log.size() == 2);
    CHECK(log[0]["version"] == 2);
    CHECK(log[0]["publisher"] == "Paola");
    CHECK(log[0]["from_console"] == true);

    // Rolled back to version 1: published again as version 3, and the source is back to it.
    CHECK(c.Post("/api/rollback", amira, json{{"version", 1}}.dump(), "application/json")->status == 403);
    CHECK(c.Post("/api/rollback", paola, json{{"version", 2}}.dump(), "application/json")->status == 409);
    auto v3 = c.Post("/api/rollback", paola, json{{"version", 1}}.dump(), "application/json");
    REQUIRE(v3->status == 200);
    CHECK(json::parse(v3->body)["version"] == 3);
    CHECK(hours_in(served, "hub-nord").empty());
    CHECK(content::read_file(rc.data / "source/places.csv") == content::read_file(fs::path(KIOSK_SOURCE_DIR) / "content/torino/places.csv"));
    CHECK(rc.console->source()->history("places.csv", 1).at(0).message.starts_with("Roll back to version 1, published as version 3"));
    CHECK(review()["changes"].empty());

    // The audit log has each publication and each refusal.
    const auto admin = as(rc, "Admin", "admin's long password");
    const std::string audit = c.Get("/api/audit", admin)->body;
    CHECK(audit.find("version 2 signed with key") != std::string::npos);
    CHECK(audit.find("publish refused") != std::string::npos);
    CHECK(audit.find("rolled back") != std::string::npos);
}

TEST_CASE("console preview: the kiosk program draws the screen of the source, in any language and orientation") {
    RunningConsole rc(true);
    auto c = rc.client();
    const auto anna = as(rc, "Anna", "anna's long password");
    auto drawn = c.Get("/api/preview?lang=ar&route=guide/food-help&orientation=portrait", anna);
    REQUIRE(drawn->status == 200);
    CHECK(drawn->get_header_value("Content-Type") == "image/png");
    REQUIRE(drawn->body.size() > 24);
    CHECK(drawn->body.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    const auto big_endian = [&](size_t at) {
        return (unsigned(static_cast<unsigned char>(drawn->body[at])) << 24) | (unsigned(static_cast<unsigned char>(drawn->body[at + 1])) << 16) |
               (unsigned(static_cast<unsigned char>(drawn->body[at + 2])) << 8) | unsigned(static_cast<unsigned char>(drawn->body[at + 3]));
    };
    CHECK(big_endian(16) == 1080);  // IHDR width, height: portrait
    CHECK(big_endian(20) == 1920);
    CHECK(c.Get("/api/preview?lang=ar&route=../../etc/passwd", anna)->status == 400);
    CHECK(c.Get("/api/preview?lang=../x&route=home", anna)->status == 400);
    CHECK(c.Get("/api/preview?lang=ar&route=home")->status == 401);
}
