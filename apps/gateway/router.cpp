#include "apps/gateway/router.hpp"

#include <exception>

namespace okmpc::gateway {

void Router::add(std::string method, std::string pattern, RouteHandler handler) {
  bool captures = false;
  if (auto brace = pattern.rfind("/{"); brace != std::string::npos && pattern.back() == '}') {
    pattern.resize(brace + 1);
    captures = true;
  }
  routes_.push_back(Route{std::move(method), std::move(pattern), captures, std::move(handler)});
}

std::string success_body(const boost::json::value& data) {
  boost::json::object body;
  body["status"] = "success";
  body["data"] = data;
  return boost::json::serialize(body);
}

HttpResponse Router::handle(const HttpRequest& request) const {
  auto error = [](const ApiError& e) { return HttpResponse{http_status(e.code), error_body(e)}; };
  if (!ip_limiter_.allow(request.remote_ip)) {
    return error({ApiErrorCode::kRateLimited, "too many requests from " + request.remote_ip});
  }
  std::string_view path = request.target;
  if (auto q = path.find('?'); q != std::string_view::npos) path = path.substr(0, q);
  bool path_known = false;
  for (const Route& route : routes_) {
    std::string param;
    if (route.captures) {
      if (!path.starts_with(route.prefix)) continue;
      std::string_view rest = path.substr(route.prefix.size());
      if (rest.empty() || rest.find('/') != std::string_view::npos) continue;
      param = std::string(rest);
    } else if (path != route.prefix) {
      continue;
    }
    path_known = true;
    if (route.method != request.method) continue;
    try {
      auto result = route.handler(RouteContext{request, std::move(param)});
      if (!result) return error(result.error());
      return HttpResponse{200, success_body(*result)};
    } catch (const std::exception& e) {
      return error({ApiErrorCode::kInternal, "internal error"});
    }
  }
  if (path_known) return error({ApiErrorCode::kMethodNotAllowed, request.method + " is not allowed on this path"});
  return error({ApiErrorCode::kNotFound, "no route for " + std::string(path)});
}

}  // namespace okmpc::gateway
