#include "content/map/geos_context.hpp"

namespace content::geos {

Context::Context() : handle_(GEOS_init_r()) {
    GEOSContext_setErrorMessageHandler_r(
        handle_, [](const char* message, void* self) { static_cast<Context*>(self)->last_error_ = message; }, this);
}

Context::~Context() { GEOS_finish_r(handle_); }

Geometry Context::check(GEOSGeometry* result, const char* what) {
    if (!result) {
        const std::string message = last_error_.empty() ? "unknown GEOS error" : last_error_;
        last_error_.clear();
        throw Error(*what ? std::string(what) + ": " + message : message);
    }
    return Geometry(result, GeometryDeleter{handle_});
}

}  // namespace content::geos
