// Every kind of bad map/ a content manager can write, each reported with its file, line and fix.
// The demo's map/layers.txt: line 4 is the attribution, the municipalities layer is lines 7-12
// (id, file, kind, fill, stroke, stroke_width_px).
#include <doctest/doctest.h>
#include <sys/stat.h>

#include "content/build/source.hpp"
#include "tests/test_support.hpp"

using namespace content;
namespace fs = std::filesystem;

namespace {

const std::string kBundleTool = KIOSK_BUNDLE_TOOL;

// A copy of the demo source with one change to map/, loaded.
struct BrokenMap {
    test::TempDir dir;
    fs::path src = test::copy_demo_source(dir);
    Diagnostics d;

    fs::path map(const std::string& name) const { return src / "map" / name; }
    void replace(const std::string& from, const std::string& to) { test::replace_in_file(map("layers.txt"), from, to); }
    void load() { load_source(src, d); }

    // The only error; fails the test when there are none or several.
    Diagnostic only_error() const {
        std::vector<Diagnostic> errors;
        for (const auto& item : d.all())
            if (item.severity == Diagnostic::Severity::Error) errors.push_back(item);
        std::string all;
        for (const auto& e : errors) all += e.format() + "\n";
        INFO(all);
        REQUIRE(errors.size() == 1);
        CHECK_FALSE(errors[0].fix.empty());
        return errors[0];
    }
};

void check_error(const Diagnostic& e, const std::string& file, int line, const std::string& item, const std::string& problem) {
    INFO(e.format());
    CHECK(e.file == file);
    CHECK(e.line == line);
    CHECK(e.item == item);
    CHECK(e.problem.find(problem) != std::string::npos);
}

}  // namespace

TEST_CASE("map/layers.txt: a layer's GeoJSON file that does not exist") {
    BrokenMap m;
    m.replace("file = municipalities.geojson", "file = comuni.geojson");
    m.load();
    check_error(m.only_error(), "map/layers.txt", 8, "map layer \"municipalities\"", "file \"map/comuni.geojson\" does not exist");
}

TEST_CASE("map/layers.txt: GeoJSON that is not JSON is reported at its own line, in GEOS's words") {
    BrokenMap m;
    test::write(m.map("municipalities.geojson"), "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [ }\n");
    m.load();
    const auto e = m.only_error();
    check_error(e, "map/municipalities.geojson", 3, "map layer \"municipalities\"", "is not valid GeoJSON (GEOS: ");
    CHECK(e.problem.find("parse error at line 3") != std::string::npos);
    CHECK(e.format().starts_with("map/municipalities.geojson:3: error: map layer \"municipalities\": the file is not valid GeoJSON"));
}

TEST_CASE("map/layers.txt: JSON that is not GeoJSON is reported at the layer's file line, in GEOS's words") {
    BrokenMap m;
    test::write(m.map("municipalities.geojson"), R"({"type": "Circle", "coordinates": [7.68, 45.07]})");
    m.load();
    const auto e = m.only_error();
    check_error(e, "map/layers.txt", 8, "map layer \"municipalities\"", "map/municipalities.geojson: the file is not valid GeoJSON");
    CHECK(e.problem.find("Unknown geometry type") != std::string::npos);
}

TEST_CASE("map/layers.txt: a position without numbers, which crashed GEOS's reader (found by tests/fuzz)") {
    for (const char* geojson : {R"({"type":"Polygon","coordinates":[[[7.60,45.00],[],[7.70,45.10],[7.60,45.00]]]})",
                                R"({"type":"Feature","properties":{"x":[[]]},"geometry":{"type":"GeometryCollection","geometries":[
                                     {"type":"GeometryCollection","geometries":[{"type":"LineString","coordinates":[[7.6,45.0],[]]}]}]}})"}) {
        CAPTURE(geojson);
        BrokenMap m;
        test::write(m.map("municipalities.geojson"), geojson);
        m.load();
        check_error(m.only_error(), "map/layers.txt", 8, "map layer \"municipalities\"",
                    "map/municipalities.geojson: the file is not valid GeoJSON: a ");
        CHECK(m.only_error().problem.find("has a position with 0 number(s), where GeoJSON writes a longitude and a latitude") != std::string::npos);
    }
}

TEST_CASE("map/layers.txt: geometry a layer cannot draw") {
    BrokenMap m;
    SUBCASE("a self-intersecting polygon, with GEOS's reason") {
        test::write(m.map("municipalities.geojson"),
                    R"({"type":"Polygon","coordinates":[[[7.60,45.00],[7.70,45.10],[7.70,45.00],[7.60,45.10],[7.60,45.00]]]})");
        m.load();
        check_error(m.only_error(), "map/layers.txt", 8, "map layer \"municipalities\"", "a polygon is invalid (GEOS: Self-intersection[7.65 45.05");
    }
    SUBCASE("lines in a polygon layer") {
        test::write(m.map("municipalities.geojson"), R"({"type":"LineString","coordinates":[[7.60,45.00],[7.70,45.10]]})");
        m.load();
        check_error(m.only_error(), "map/layers.txt", 8, "map layer \"municipalities\"", "it has lines, but the layer is kind = polygon");
    }
    SUBCASE("coordinates in metres rather than degrees") {
        test::write(m.map("municipalities.geojson"),
                    R"({"type":"Polygon","coordinates":[[[855000,5632000],[856000,5632000],[856000,5633000],[855000,5632000]]]})");
        m.load();
        check_error(m.only_error(), "map/layers.txt", 8, "map layer \"municipalities\"", "not longitude/latitude in degrees");
    }
}

TEST_CASE("map/layers.txt: a layer that reaches past one city, as a mistyped coordinate makes it (found by tests/fuzz)") {
    // Latitude 22.00 for 45.00: a valid polygon 2 569 km tall, which the build cut into some
    // 20 000 squares of 1 km, clipping each; refused before the build starts.
    BrokenMap m;
    test::write(m.map("municipalities.geojson"),
                R"({"type":"Polygon","coordinates":[[[7.60,45.00],[7.70,22.00],[7.70,45.10],[7.60,45.10],[7.60,45.00]]]})");
    m.load();
    const auto e = m.only_error();
    check_error(e, "map/layers.txt", 8, "map layer \"municipalities\"",
                "map/municipalities.geojson: it reaches 2569 km from south to north (latitude 22.0000 to 45.1000); a map is for one city, "
                "at most 60 km across");
    CHECK(e.fix.find("mistyped or swapped coordinate") != std::string::npos);
}

TEST_CASE("map/layers.txt: a line layer 71 km from west to east is refused too") {
    BrokenMap m;
    test::write(m.map("municipalities.geojson"), R"({"type":"LineString","coordinates":[[7.60,45.00],[8.50,45.10]]})");
    m.replace("kind = polygon", "kind = line");
    m.replace("fill = #efebe3\n", "");
    m.load();
    check_error(m.only_error(), "map/layers.txt", 8, "map layer \"municipalities\"", "reaches 71 km from west to east (longitude 7.6000 to 8.5000)");
}

TEST_CASE("map/layers.txt: an unknown kind") {
    BrokenMap m;
    m.replace("kind = polygon", "kind = area");
    m.load();
    check_error(m.only_error(), "map/layers.txt", 9, "map layer \"municipalities\"", "unknown kind \"area\"");
}

TEST_CASE("map/layers.txt: a colour that is not #rrggbb") {
    BrokenMap m;
    SUBCASE("fill") {
        m.replace("fill = #efebe3", "fill = beige");
        m.load();
        check_error(m.only_error(), "map/layers.txt", 10, "map layer \"municipalities\"", "fill \"beige\" is not a colour");
    }
    SUBCASE("stroke") {
        m.replace("stroke = #b4a79a", "stroke = #b4a79");
        m.load();
        check_error(m.only_error(), "map/layers.txt", 11, "map layer \"municipalities\"", "stroke \"#b4a79\" is not a colour");
    }
}

TEST_CASE("map/layers.txt: two layers with one id") {
    BrokenMap m;
    test::write(m.map("layers.txt"), test::read(m.map("layers.txt")) + "\nid = municipalities\nfile = municipalities.geojson\nkind = polygon\nfill = #000000\n");
    m.load();
    check_error(m.only_error(), "map/layers.txt", 14, "map layer \"municipalities\"", "duplicate id");
}

TEST_CASE("map/layers.txt: layers without an attribution") {
    BrokenMap m;
    m.replace("attribution = Confini amministrativi © ISTAT (CC BY 4.0)", "");
    m.load();
    check_error(m.only_error(), "map/layers.txt", 1, "map", "no attribution");
}

TEST_CASE("map/layers.txt: a layer's file that cannot be read as a file is an error at its line, never an exception") {
    BrokenMap m;
    const std::string item = "map layer \"municipalities\"";
    SUBCASE("a name over 255 bytes") {
        const std::string name(300, 'm');
        m.replace("file = municipalities.geojson", "file = " + name + ".geojson");
        m.load();
        check_error(m.only_error(), "map/layers.txt", 8, item, "file \"map/" + name + ".geojson\" cannot be read: its name is too long");
    }
    SUBCASE("a symbolic link in a loop") {
        fs::create_symlink("loop.geojson", m.map("loop.geojson"));
        m.replace("file = municipalities.geojson", "file = loop.geojson");
        m.load();
        check_error(m.only_error(), "map/layers.txt", 8, item, "file \"map/loop.geojson\" cannot be read: it is a symbolic link in a loop");
    }
    SUBCASE("a named pipe") {
        REQUIRE(mkfifo(m.map("pipe.geojson").c_str(), 0600) == 0);
        m.replace("file = municipalities.geojson", "file = pipe.geojson");
        m.load();
        check_error(m.only_error(), "map/layers.txt", 8, item, "file \"map/pipe.geojson\" cannot be read: it is a named pipe (FIFO), not a file");
    }
    SUBCASE("a link to a named pipe") {
        REQUIRE(mkfifo((m.dir / "pipe").c_str(), 0600) == 0);
        fs::create_symlink(m.dir / "pipe", m.map("pipe.geojson"));
        m.replace("file = municipalities.geojson", "file = pipe.geojson");
        m.load();
        check_error(m.only_error(), "map/layers.txt", 8, item, "file \"map/pipe.geojson\" cannot be read: it is a named pipe (FIFO), not a file");
    }
    SUBCASE("a link to /dev/zero") {
        fs::create_symlink("/dev/zero", m.map("zero.geojson"));
        m.replace("file = municipalities.geojson", "file = zero.geojson");
        m.load();
        check_error(m.only_error(), "map/layers.txt", 8, item, "file \"map/zero.geojson\" cannot be read: it is a character device, not a file");
    }
}

TEST_CASE("kiosk-bundle build: a map file name over 255 bytes is an error at its line, not a bare filesystem error") {
    test::TempDir dir;
    const fs::path src = test::copy_demo_source(dir);
    test::replace_in_file(src / "map" / "layers.txt", "file = municipalities.geojson", "file = " + std::string(300, 'm') + ".geojson");
    const auto r = test::run(kBundleTool + " build " + src.string() + " -o " + (dir / "out.kbundle").string());
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK(r.output.find("map/layers.txt:8: error: map layer \"municipalities\": file \"map/mmm") != std::string::npos);
    CHECK(r.output.find("cannot be read: its name is too long") != std::string::npos);
    CHECK(r.output.find("filesystem error") == std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out.kbundle"));
}

TEST_CASE("kiosk-bundle build stops at a bad map with the file, line and fix") {
    test::TempDir dir;
    const fs::path src = test::copy_demo_source(dir);
    test::replace_in_file(src / "map" / "layers.txt", "kind = polygon", "kind = area");
    const auto r = test::run(kBundleTool + " build " + src.string() + " -o " + (dir / "out.kbundle").string());
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK(r.output.find("map/layers.txt:9: error: map layer \"municipalities\": unknown kind \"area\". Fix: write kind = polygon") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out.kbundle"));
}
