#pragma once
// A GEOS context (the reentrant C API, geos_c.h) that keeps GEOS's last error message, and
// geometries that free themselves. GEOS reports failures as a null result plus a message to a
// handler; Context::check turns that into an exception carrying GEOS's own words.
#include <geos_c.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace content::geos {

struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct GeometryDeleter {
    GEOSContextHandle_t handle = nullptr;
    void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(handle, g); }
};
using Geometry = std::unique_ptr<GEOSGeometry, GeometryDeleter>;

class Context {
public:
    Context();
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    GEOSContextHandle_t handle() const { return handle_; }
    /// Takes ownership of a GEOS result; when it is null, throws Error with GEOS's message after
    /// `what` (the step that failed; empty for GEOS's message alone).
    Geometry check(GEOSGeometry* result, const char* what);

private:
    GEOSContextHandle_t handle_;
    std::string last_error_;
};

}  // namespace content::geos
