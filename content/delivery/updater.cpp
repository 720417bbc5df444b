#include "content/delivery/updater.hpp"

#include <curl/curl.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <random>

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
    std::string reason;
    std::string etag, last_modified;
};

struct Sink {
    FILE* file;
    std::uintmax_t limit, written = 0;
    bool too_large = false;
};

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
             const std::string& etag = "", const std::string& last_modified = "") {
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
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // we run on a worker thread
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(config.connect_timeout.count()));
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, static_cast<long>(config.stall_timeout.count()));
    curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(config.total_timeout.count()));
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limit));
    const CURLcode rc = curl_easy_perform(c);
    long code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    d.http_code = code;
    if (sink.too_large || rc == CURLE_FILESIZE_EXCEEDED) {
        d.reason = url + ": larger than the limit of " + std::to_string(limit) + " bytes; abandoned";
    } else if (rc == CURLE_OPERATION_TIMEDOUT) {
        d.reason = url + ": the server stalled or was too slow (" + curl_easy_strerror(rc) + ")";
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

// The version a downloaded signature claims (checked later, by Store::install), if it reads.
std::optional<long long> version_claimed_in(const fs::path& signature) {
    const auto text = read_file(signature);
    if (!text) return std::nullopt;
    try {
        return claims_of(minisign::parse_signature(*text)).version;
    } catch (const minisign::Error&) {
        return std::nullopt;  // Store::install refuses it with the reason
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

void Updater::install(const fs::path& bundle, const fs::path& signature, const std::string& source, UpdateReport& report) {
    InstallPolicy policy = policy_;
    policy.today = today_iso(std::chrono::system_clock::now());
    policy.max_bundle_bytes = config_.max_bundle_bytes;
    const auto r = store_.install(bundle, signature, trusted_, policy);
    report.installed |= r.outcome == InstallResult::Outcome::Installed;
    report.lines.push_back(source + ": " + (r.outcome == InstallResult::Outcome::Refused ? "refused: " : "") + r.reason);
}

void Updater::check_http(UpdateReport& report) {
    // Downloads go to a temporary folder; Store::install copies them into staging and verifies.
    const fs::path dir = fs::temp_directory_path();
    const fs::path sig = dir / temp_name(".minisig"), bundle = dir / temp_name(".kbundle");
    const RemoveOnExit cleanup{{sig, bundle}};
    const std::string base = config_.base_url.ends_with('/') ? config_.base_url : config_.base_url + "/";
    const std::string sig_url = base + config_.bundle_name + ".minisig";
    auto s = get(sig_url, sig, kMaxSignatureBytes, config_, etag_, last_modified_);
    if (s.status == Download::Status::NotModified) {
        report.lines.push_back(base + ": unchanged");
        return;
    }
    if (s.status == Download::Status::Failed) {
        report.lines.push_back(s.reason);
        return;
    }
    // The bundle the signature is for, from its version's folder, which a publish never
    // rewrites (published_folder.hpp): BASE/NAME may already be a newer bundle than the
    // signature fetched a moment ago. A 404 there means either a server without version
    // folders, or a version pruned by later publishes while this kiosk was slow; the
    // signature, asked again, tells which.
    std::string url;
    Download b;
    for (int round = 1;; ++round) {
        const auto version = version_claimed_in(sig);
        url = base + (version ? published_folder::versioned_path(*version, config_.bundle_name) : config_.bundle_name);
        b = get(url, bundle, config_.max_bundle_bytes, config_);
        if (!version || b.http_code != 404) break;
        const auto asked_first = read_file(sig);
        s = get(sig_url, sig, kMaxSignatureBytes, config_);
        if (s.status != Download::Status::Fetched) {
            report.lines.push_back(s.reason);
            return;
        }
        if (read_file(sig) == asked_first) {  // no version folders: the one bundle there is
            url = base + config_.bundle_name;
            b = get(url, bundle, config_.max_bundle_bytes, config_);
            break;
        }
        const std::string pruned = url + ": published over while this kiosk fetched it";
        if (round == kMaxPrunedRounds) {  // the server publishes faster than this line downloads
            report.lines.push_back(pruned + ", " + std::to_string(round) + " times running; trying again at the next check");
            return;
        }
        report.lines.push_back(pruned + "; following the newer signature");
    }
    if (b.status != Download::Status::Fetched) {
        report.lines.push_back(b.reason);
        return;
    }
    install(bundle, sig, url, report);
    // Only a signature that was dealt with is remembered; a failure is retried next time.
    etag_ = s.etag;
    last_modified_ = s.last_modified;
}

void Updater::check_inbox(UpdateReport& report) {
    std::error_code ec;
    if (!fs::is_directory(config_.inbox, ec)) return;
    for (const auto& entry : fs::directory_iterator(config_.inbox, ec)) {
        const fs::path& path = entry.path();
        if (path.extension() != ".kbundle") continue;
        const fs::path signature = path.string() + ".minisig";
        const auto size = fs::file_size(path, ec);
        const auto time = fs::last_write_time(path, ec).time_since_epoch().count();
        const std::string seen = std::to_string(size) + "@" + std::to_string(time);
        if (ec || inbox_seen_[path.string()] == seen) continue;  // a stick stays plugged in
        if (!fs::exists(signature)) {
            report.lines.push_back(path.string() + ": refused: no signature beside it (" + signature.filename().string() + ")");
        } else {
            install(path, signature, path.string(), report);
        }
        inbox_seen_[path.string()] = seen;
    }
}

}  // namespace content
