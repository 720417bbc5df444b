// kiosk-console: the content team's web console, and the commands that set it up.
//
//   kiosk-console serve --data DIR [--source DIR] [--published DIR] [--listen 127.0.0.1:8080] [--web DIR] [--kiosk PROGRAM] ...
//   kiosk-console add-user --data DIR NAME ROLE [LANGUAGES]   (the password on standard input)
//   kiosk-console add-kiosk --data DIR NAME [SITE]            (prints the kiosk's report token)
//   kiosk-console set-key --data DIR NAME KEYFILE             (a publisher's minisign secret key)
#include <csignal>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "content/console/console_server.hpp"
#include "content/delivery/minisign.hpp"
#include "content/text/text_files.hpp"

namespace {

using namespace content::console;

constexpr const char* kUsage =
    "usage: kiosk-console serve --data DIR [--source DIR] [--published DIR] [--listen HOST:PORT] [--web DIR] [--kiosk PROGRAM]\n"
    "                           [--fonts DIR] [--bundle-name NAME] [--report-interval SECONDS] [--secure-cookies] [--trust-proxy]\n"
    "       kiosk-console add-user --data DIR NAME ROLE [LANGUAGES]   (reads the password from standard input)\n"
    "       kiosk-console add-kiosk --data DIR NAME [SITE]            (prints the token for the kiosk's report_token)\n"
    "       kiosk-console set-key --data DIR NAME KEYFILE             (the minisign secret key publisher NAME signs with)\n"
    "ROLE: editor, translator (LANGUAGES e.g. ar,fa), publisher, administrator\n";

ConsoleServer* serving = nullptr;

// A program or folder installed beside this one (/usr/bin/torino-kiosk, /usr/share/torino-kiosk/console),
// else where the build left it.
std::filesystem::path installed_or(const std::filesystem::path& beside, const std::filesystem::path& built) {
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    const auto there = (self.parent_path() / beside).lexically_normal();
    return !ec && std::filesystem::exists(there) ? there : built;
}

int fail(const std::string& message) {
    std::cerr << "kiosk-console: " << message << "\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help") {
        std::cout << kUsage;
        return args.empty() ? 2 : 0;
    }
    const std::string command = args[0];
    std::map<std::string, std::string> options;
    std::vector<std::string> words;
    for (size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--secure-cookies" || args[i] == "--trust-proxy") options[args[i]] = "yes";
        else if (args[i].starts_with("--") && i + 1 < args.size()) options[args[i]] = args[i + 1], ++i;
        else if (args[i].starts_with("--")) return fail(args[i] + " needs a value. Fix: see kiosk-console --help");
        else words.push_back(args[i]);
    }
    if (!options.count("--data")) return fail("no --data folder. Fix: name the folder the console keeps its database in, e.g. --data /var/lib/kiosk-console");
    try {
        ConsoleOptions o;
        o.data = options["--data"];
        if (command == "add-user") {
            if (words.size() < 2 || words.size() > 3) return fail("add-user takes NAME ROLE [LANGUAGES]. Fix: e.g. kiosk-console add-user --data DIR Amira translator ar,fa");
            const auto role = parse_role(words[1]);
            if (!role) return fail("\"" + words[1] + "\" is not a role. Fix: editor, translator, publisher or administrator");
            User user{words[0], *role, {}};
            if (words.size() == 3)
                for (size_t at = 0; at < words[2].size();) {
                    const size_t comma = std::min(words[2].find(',', at), words[2].size());
                    if (comma > at) user.languages.push_back(words[2].substr(at, comma - at));
                    at = comma + 1;
                }
            std::string password;
            std::getline(std::cin, password);
            ConsoleServer console(o);
            console.accounts().set_user(user, password);
            console.audit().record("(command line)", "account set", user.name + " as " + role_name(user.role));
            std::cout << "account " << user.name << " (" << role_name(user.role) << ") saved\n";
            return 0;
        }
        if (command == "add-kiosk") {
            if (words.empty() || words.size() > 2) return fail("add-kiosk takes NAME [SITE]. Fix: e.g. kiosk-console add-kiosk --data DIR hub-nord-1 \"Snodo nord\"");
            ConsoleServer console(o);
            const std::string token = console.fleet().add_kiosk(words[0], words.size() == 2 ? words[1] : "");
            console.audit().record("(command line)", "kiosk added", words[0]);
            std::cout << token << "\n";
            std::cerr << "put this token in kiosk " << words[0] << "'s kiosk.conf as report_token; it is not shown again\n";
            return 0;
        }
        if (command == "set-key") {
            if (words.size() != 2) return fail("set-key takes NAME KEYFILE. Fix: e.g. kiosk-console set-key --data DIR Anna anna.key");
            const auto user = ConsoleServer(o).accounts().user(words[0]);
            if (!user || user->role != Role::Publisher) return fail(words[0] + " is not a publisher's account. Fix: add it with add-user NAME publisher");
            const auto text = content::read_file(words[1]);
            if (!text) return fail(words[1] + " cannot be read. Fix: give the secret key file minisign -G wrote");
            try {
                if (!content::minisign::secret_key_has_password(*text)) content::minisign::parse_secret_key(*text, std::nullopt);
            } catch (const std::exception& e) {
                return fail(words[1] + " is not a minisign secret key: " + e.what() + ". Fix: give the .key file minisign -G wrote");
            }
            const auto file = o.data / "keys" / (words[0] + ".key");
            std::filesystem::create_directories(file.parent_path());
            std::filesystem::permissions(file.parent_path(), std::filesystem::perms::owner_all);
            content::write_file_atomically(file, *text, 0600);
            ConsoleServer(o).audit().record("(command line)", "signing key set", words[0]);
            std::cout << "publisher " << words[0] << " signs with " << file.string()
                      << (content::minisign::secret_key_has_password(*text) ? " (asked for its password at each publish)" : " (a key without a password)") << "\n";
            return 0;
        }
        if (command != "serve") return fail("unknown command \"" + command + "\". Fix: see kiosk-console --help");
        o.published = options.count("--published") ? options["--published"] : "";
        o.source = options.count("--source") ? options["--source"] : "";
        o.web = options.count("--web") ? std::filesystem::path(options["--web"]) : installed_or("../share/torino-kiosk/console", KIOSK_CONSOLE_WEB);
        o.kiosk = options.count("--kiosk") ? std::filesystem::path(options["--kiosk"]) : installed_or("torino-kiosk", KIOSK_CONSOLE_KIOSK);
        if (options.count("--fonts")) o.font_root = options["--fonts"];
        if (options.count("--bundle-name")) o.bundle_name = options["--bundle-name"];
        if (options.count("--report-interval")) o.report_interval = std::stoll(options["--report-interval"]);
        o.secure_cookies = options.count("--secure-cookies") > 0;
        o.trust_proxy = options.count("--trust-proxy") > 0;
        const std::string listen = options.count("--listen") ? options["--listen"] : "127.0.0.1:8080";
        const size_t colon = listen.rfind(':');
        if (colon == std::string::npos) return fail("--listen " + listen + " has no port. Fix: e.g. --listen 127.0.0.1:8080");
        ConsoleServer console(o);
        const int port = console.bind(listen.substr(0, colon), std::stoi(listen.substr(colon + 1)));
        if (port < 0) return fail("cannot listen on " + listen + ". Fix: choose a free port, or stop what uses it");
        std::cout << "kiosk-console: serving http://" << listen.substr(0, colon) << ":" << port << "/" << std::endl;
        serving = &console;
        std::signal(SIGTERM, [](int) { serving->stop(); });
        std::signal(SIGINT, [](int) { serving->stop(); });
        console.run();
        return 0;
    } catch (const std::exception& e) {
        return fail(e.what());
    }
}
