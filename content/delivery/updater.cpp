#include "content/delivery/updater.hpp"

#include <curl/curl.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <random>

#include "content/delivery/outside_file.hpp"
#include "content/delivery/published_folder.hpp"
#include "content/delivery/signed_bundle.hpp"
#include "content/hours/dates.hpp"
#include "content/text/text_files.hpp"

namespace content {

namespace fs = std::filesystem;

namespace {

struct Download {
    enum class Status { Fetched, NotModified, Failed };
    Status status = Status::Failed;
    long http_code = 0;  // 0 when no answer came
    bool too_large = false;
    std::string reason;
    std::string etag, last_modified;
};

struct Sink {
    FILE* file;
    std::uintmax_t limit, written = 0;
    bool too_large = false;
};

// curl calls this about once a second even while no byte arrives: the way a stop gets in.
int keep_going(void* stopping, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    return static_cast<const std::atomic<bool>*>(stopping)->load() ? 1 : 0;
}

size_t write_capped(char* data, size_t size, size_t count, void* user) {
    auto* sink = static_cast<Sink*>(user);
    const size_t n = size * count;
    if (sink->written + n > sink->limit) {
        sink->too_large = true;
        return 0;  // makes curl abort the transfer
    }
    sink->written += n;
    return std::fwrite(data, 1, n, sink->file);
}

size_t read_header(char* data, size_t size, size_t count, void* user) {
    auto* d = static_cast<Download*>(user);
    std::string line(data, size * count);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        if (name == "etag") d->etag = value;
        else if (name == "last-modified") d->last_modified = value;
    }
    return size * count;
}

// One GET into `out`, capped at `limit` bytes, conditional on the validators given.
Download get(const std::string& url, const fs::path& out, std::uintmax_t limit, const UpdaterConfig& config,
             const std::atomic<bool>& stopping, const std::string& etag = "", const std::string& last_modified = "") {
    Download d;
    std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(out.c_str(), "wb"), &std::fclose);
    if (!file) {
        d.reason = "cannot write " + out.string();
        return d;
    }
    std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), &curl_easy_cleanup);
    Sink sink{file.get(), limit};
    curl_slist* headers = nullptr;
    if (!etag.empty()) headers = curl_slist_append(headers, ("If-None-Match: " + etag).c_str());
    if (!last_modified.empty()) headers = curl_slist_append(headers, ("If-Modified-Since: " + last_modified).c_str());
    std::unique_ptr<curl_slist, void (*)(curl_slist*)> header_list(headers, &curl_slist_free_all);
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_capped);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, read_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &d);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, 3L);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    // From https, never down to http: the content is signed, but whoever answers in clear text
    // could hold back every update unseen.
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, url.starts_with("https:") ? "https" : "http,https");
    if (!config.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, config.ca_file.c_str());
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // we run on a worker thread
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, keep_going);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(&stopping));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(config.connect_timeout.count()));
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, static_cast<long>(config.min_speed_bytes));
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, static_cast<long>(config.stall_timeout.count()));
    curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(config.total_timeout.count()));
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limit));
    const CURLcode rc = curl_easy_perform(c);
    long code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    d.http_code = code;
    if (sink.too_large || rc == CURLE_FILESIZE_EXCEEDED) {
        d.too_large = true;
        d.reason = url + ": larger than the limit of " + std::to_string(limit) + " bytes; abandoned";
    } else if (rc == CURLE_ABORTED_BY_CALLBACK) {
        d.reason = url + ": abandoned, the kiosk is stopping";
    } else if (rc == CURLE_OPERATION_TIMEDOUT) {
        d.reason = url + ": the server stalled or sent less than " + std::to_string(config.min_speed_bytes) + " bytes a second for " +
                   std::to_string(config.stall_timeout.count()) + " s (" + curl_easy_strerror(rc) + ")";
    } else if (rc == CURLE_UNSUPPORTED_PROTOCOL && url.starts_with("https:")) {
        d.reason = url + ": refused a redirect away from https (" + curl_easy_strerror(rc) + ")";
    } else if (rc != CURLE_OK) {
        d.reason = url + ": " + curl_easy_strerror(rc);
    } else if (code == 304) {
        d.status = Download::Status::NotModified;
    } else if (code != 200) {
        d.reason = url + ": HTTP " + std::to_string(code);
    } else {
        d.status = Download::Status::Fetched;
    }
    if (std::fflush(file.get()) != 0 && d.status == Download::Status::Fetched) {
        d.status = Download::Status::Failed;
        d.reason = "cannot write " + out.string();
    }
    return d;
}

// A downloaded signature, parsed; nullopt with the reason when it does not parse.
std::optional<minisign::Signature> signature_in(const fs::path& file, std::string& problem) {
    const auto text = read_file(file);
    if (!text) {
        problem = "cannot read the downloaded signature " + file.string();
        return std::nullopt;
    }
    try {
        return minisign::parse_signature(*text);
    } catch (const minisign::Error& e) {
        problem = std::string("the signature does not read: ") + e.what();
        return std::nullopt;
    }
}

// How often one check follows a signature that moved on while its version's bundle was being
// fetched (the publisher keeps only the last few versions) before it leaves it to the next check.
constexpr int kMaxPrunedRounds = 3;

std::string temp_name(const char* suffix) {
    static std::mt19937_64 random(std::random_device{}());
    return "download-" + std::to_string(random()) + suffix;
}

}  // namespace

Updater::Updater(Store& store, std::vector<minisign::PublicKey> trusted, InstallPolicy policy, UpdaterConfig config)
    : store_(store), trusted_(std::move(trusted)), policy_(std::move(policy)), config_(std::move(config)) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    policy_.max_bundle_bytes = config_.max_bundle_bytes;
    policy_.cancelled = [this] { return stopping(); };
    // Downloads interrupted by a power cut are never resumed: the folder starts empty.
    std::error_code ec;
    fs::remove_all(store_.downloads(), ec);
    fs::create_directories(store_.downloads(), ec);
}

Updater::~Updater() { curl_global_cleanup(); }

UpdateReport Updater::check() {
    UpdateReport report;
    if (!config_.base_url.empty()) check_http(report);
    if (!config_.inbox.empty()) check_inbox(report);
    return report;
}

UpdateReport Updater::check_http() {
    UpdateReport report;
    if (has_http()) check_http(report);
    return report;
}

UpdateReport Updater::check_inbox() {
    UpdateReport report;
    if (has_inbox()) check_inbox(report);
    return report;
}

std::vector<minisign::PublicKey> Updater::trusted() const {
    if (config_.roots.empty()) return trusted_;
    const auto keyring = store_.keyring(config_.roots);
    return trusted_keys(trusted_, keyring ? &*keyring : nullptr);
}

void Updater::take_keyring(const std::string& text, const std::string& signature, const std::string& source, UpdateReport& report) {
    const auto r = store_.install_keyring(text, signature, config_.roots);
    if (r.outcome == InstallResult::Outcome::Refused) report.problem(source + ": " + r.line);
    if (r.outcome != InstallResult::Outcome::Installed) return;
    report.say(source + ": " + r.line);
    // A bundle refused under the old keyring (a key it did not name, a version it had not
    // reset) may install now: each source looks again, on its own thread.
    keyring_news_for_http_ = keyring_news_for_inbox_ = true;
}

// BASE/keyring.txt and its signature, when the folder has them: taken before the bundle, whose
// publisher it may name. Small, and asked for only when its signature changed.
void Updater::check_http_keyring(const std::string& base, UpdateReport& report) {
    const fs::path sig = store_.downloads() / temp_name(".keyring.minisig"), text = store_.downloads() / temp_name(".keyring");
    const RemoveOnExit cleanup{{sig, text}};
    const std::string url = base + kKeyringName;
    const auto s = get(url + ".minisig", sig, kMaxSignatureBytes, config_, stopping_, keyring_etag_);
    if (s.status != Download::Status::Fetched) {
        if (s.status == Download::Status::Failed && s.http_code != 404) report.problem(s.reason);
        return;
    }
    const auto t = get(url, text, kMaxKeyringBytes, config_, stopping_);
    if (t.status != Download::Status::Fetched) {
        report.problem(t.reason);
        return;
    }
    take_keyring(read_file(text).value_or(""), read_file(sig).value_or(""), url, report);
    keyring_etag_ = s.etag;
}

// keyring.txt and keyring.txt.minisig at the top of the stick, read as any file from it is.
void Updater::check_inbox_keyring(UpdateReport& report) {
    const fs::path text_path = config_.inbox / kKeyringName, sig_path = config_.inbox / (std::string(kKeyringName) + ".minisig");
    std::error_code ec;
    if (fs::symlink_status(text_path, ec).type() == fs::file_type::not_found) return;
    std::string problem;
    const auto text_file = OutsideFile::open(text_path, Links::Refuse, problem);
    const auto sig_file = text_file ? OutsideFile::open(sig_path, Links::Refuse, problem) : std::nullopt;
    if (!text_file || !sig_file) {
        const std::string line = escaped(text_path.string()) + ": skipped: " + (text_file ? "its signature " : "it ") + problem;
        if (inbox_skipped_.insert(line).second) report.problem(line);
        return;
    }
    const std::string seen = text_file->stamp() + " " + sig_file->stamp();
    if (inbox_seen_[text_path.string()] == seen) return;
    inbox_seen_[text_path.string()] = seen;
    const fs::path sig = store_.downloads() / temp_name(".keyring.minisig"), text = store_.downloads() / temp_name(".keyring");
    const RemoveOnExit cleanup{{sig, text}};
    try {
        sig_file->copy_to(sig, kMaxSignatureBytes, "signature", policy_.cancelled);
        text_file->copy_to(text, kMaxKeyringBytes, "keyring", policy_.cancelled);
    } catch (const std::exception& e) {
        report.problem(escaped(text_path.string()) + ": skipped: " + e.what());
        return;
    }
    take_keyring(read_file(text).value_or(""), read_file(sig).value_or(""), text_path.string(), report);
}

InstallResult Updater::install(const fs::path& bundle, const fs::path& signature, const std::string& source, UpdateReport& report) {
    const auto r = store_.install(bundle, signature, trusted(), policy_for_today());
    report.installed |= r.outcome == InstallResult::Outcome::Installed;
    if (r.outcome == InstallResult::Outcome::Refused) report.problem(source + ": refused: " + r.reason);
    else report.say(source + ": " + r.reason);
    return r;
}

InstallPolicy Updater::policy_for_today() const {
    InstallPolicy policy = policy_;
    policy.today = today_iso(std::chrono::system_clock::now());
    return policy;
}

void Updater::check_http(UpdateReport& report) {
    const std::string base = config_.base_url.ends_with('/') ? config_.base_url : config_.base_url + "/";
    if (!config_.roots.empty()) check_http_keyring(base, report);
    if (keyring_news_for_http_.exchange(false)) {  // the signature is asked for again in full
        etag_.clear();
        last_modified_.clear();
    }
    const fs::path sig = store_.downloads() / temp_name(".minisig"), bundle = store_.downloads() / temp_name(".kbundle");
    const RemoveOnExit cleanup{{sig, bundle}};
    const std::string sig_url = base + config_.bundle_name + ".minisig";
    auto s = get(sig_url, sig, kMaxSignatureBytes, config_, stopping_, etag_, last_modified_);
    store_.record_check(base, s.status == Download::Status::Failed ? s.reason : "");
    if (s.status == Download::Status::NotModified) {
        report.say(base + ": unchanged");
        return;
    }
    if (s.status == Download::Status::Failed) {
        report.problem(s.reason);
        return;
    }
    // Only a signature that was dealt with is remembered; one refused for this kiosk's own
    // reason (disk full, stopping) is asked for and tried again at the next check.
    const auto dealt_with = [&](const InstallResult& r) {
        if (r.retry) return;
        etag_ = s.etag;
        last_modified_ = s.last_modified;
    };
    // The bundle the signature is for, from its version's folder, which a publish never
    // rewrites (published_folder.hpp): BASE/NAME may already be a newer bundle than the
    // signature fetched a moment ago. A 404 there means either a server without version
    // folders, or a version pruned by later publishes while this kiosk was slow; the
    // signature, asked again, tells which.
    std::string url;
    Download b;
    for (int round = 1;; ++round) {
        std::string problem;
        const auto signature = signature_in(sig, problem);
        if (!signature) {
            report.problem(sig_url + ": refused: " + problem);
            dealt_with({});
            return;
        }
        // Decided from the signature first: a bundle that could not install is never fetched.
        if (const auto decided = store_.decide_from_signature(*signature, trusted(), policy_for_today())) {
            const bool refused = decided->outcome == InstallResult::Outcome::Refused;
            if (refused) report.problem(sig_url + ": refused before download: " + decided->reason);
            else report.say(sig_url + ": unchanged: " + decided->reason);
            dealt_with(*decided);
            return;
        }
        const long long version = *claims_of(*signature).version;
        // The bundle may take what is free on the store's disk, counting its copy into staging.
        const std::uintmax_t room = store_.room(true), limit = std::min(config_.max_bundle_bytes, room);
        url = base + published_folder::versioned_path(version, config_.bundle_name);
        b = get(url, bundle, limit, config_, stopping_);
        if (b.http_code == 404) {
            const auto asked_first = read_file(sig);
            s = get(sig_url, sig, kMaxSignatureBytes, config_, stopping_);
            if (s.status != Download::Status::Fetched) {
                report.problem(s.reason);
                return;
            }
            if (read_file(sig) == asked_first) {  // no version folders: the one bundle there is
                url = base + config_.bundle_name;
                b = get(url, bundle, limit, config_, stopping_);
            } else {
                const std::string pruned = url + ": published over while this kiosk fetched it";
                if (round == kMaxPrunedRounds) {  // the server publishes faster than this line downloads
                    report.problem(pruned + ", " + std::to_string(round) + " times running; trying again at the next check");
                    return;
                }
                report.say(pruned + "; following the newer signature");
                continue;
            }
        }
        if (b.too_large && limit < config_.max_bundle_bytes)
            b.reason = url + ": only " + std::to_string(room >> 20) + " MiB are free for it on " + store_.dir().string() +
                       " (the bundle and its copy); free some space (it is tried again at the next check)";
        break;
    }
    if (b.status != Download::Status::Fetched) {
        store_.record_check(base, b.reason);
        report.problem(b.reason);
        return;
    }
    dealt_with(install(bundle, sig, url, report));
}

void Updater::check_inbox(UpdateReport& report) {
    std::error_code ec;
    if (!fs::is_directory(config_.inbox, ec)) return;
    if (!config_.roots.empty()) check_inbox_keyring(report);
    if (keyring_news_for_inbox_.exchange(false))  // the stick's bundles are looked at again
        std::erase_if(inbox_seen_, [](const auto& seen) { return seen.first.ends_with(".kbundle"); });
    // Told once per file and reason: a stick stays plugged in, and is looked at every few seconds.
    const auto skip = [&](const fs::path& path, const std::string& why) {
        const std::string line = escaped(path.string()) + ": skipped: " + why;
        if (inbox_skipped_.insert(line).second) report.problem(line);
    };
    fs::directory_iterator it(config_.inbox, ec), end;
    for (; !ec && it != end && !stopping(); it.increment(ec)) {
        const fs::path path = it->path();
        const std::string name = path.filename().string();
        if (!name.ends_with(".kbundle")) continue;
        if (has_control_characters(name)) {
            skip(path, "its name has control characters (a newline?); rename the file, e.g. torino-v8.kbundle");
            continue;
        }
        std::string problem;
        const auto bundle_file = OutsideFile::open(path, Links::Refuse, problem);
        if (!bundle_file) {
            skip(path, "it " + problem);
            continue;
        }
        const fs::path signature = path.string() + ".minisig";
        if (fs::symlink_status(signature, ec).type() == fs::file_type::not_found) {
            skip(path, "no signature beside it (" + signature.filename().string() + "); copy it onto the stick with the bundle");
            continue;
        }
        const auto signature_file = OutsideFile::open(signature, Links::Refuse, problem);
        if (!signature_file) {
            skip(path, "its signature " + signature.filename().string() + " " + problem);
            continue;
        }
        const std::string seen = bundle_file->stamp() + " " + signature_file->stamp();
        if (inbox_seen_[path.string()] == seen) continue;
        if (!install(path, signature, path.string(), report).retry) inbox_seen_[path.string()] = seen;
    }
}

}  // namespace content
