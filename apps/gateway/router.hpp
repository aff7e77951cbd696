// Request routing: matches method + path against the route table, applies the
// per-IP rate limit, and turns handler results into JSON responses
// (`{"status":"success","data":...}` or the error body of api_error.hpp).
#pragma once

#include <boost/json.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "apps/gateway/api_error.hpp"
#include "apps/gateway/http_server.hpp"
#include "apps/gateway/rate_limiter.hpp"

namespace okmpc::gateway {

// What a route handler sees: the request plus the path parameter captured by
// a trailing "{param}" pattern segment ("" if the pattern has none).
struct RouteContext {
  const HttpRequest& request;
  std::string param;
};

using RouteHandler = std::function<ApiResult<boost::json::value>(const RouteContext&)>;

class Router {
 public:
  // `ip_limiter` is consulted once per request before routing.
  explicit Router(RateLimiter& ip_limiter) : ip_limiter_(ip_limiter) {}

  // Pattern: an exact path, or a path ending in "/{name}" that captures one
  // non-empty segment (no '/').
  void add(std::string method, std::string pattern, RouteHandler handler);

  // Never throws; unknown path → 404 NOT_FOUND, known path with another
  // method → 405 METHOD_NOT_ALLOWED, query strings are ignored.
  HttpResponse handle(const HttpRequest& request) const;

 private:
  struct Route {
    std::string method;
    std::string prefix;  // the pattern without "{name}"
    bool captures;
    RouteHandler handler;
  };
  RateLimiter& ip_limiter_;
  std::vector<Route> routes_;
};

// `{"status":"success","data":data}` serialized.
std::string success_body(const boost::json::value& data);

}  // namespace okmpc::gateway
