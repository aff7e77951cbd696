// A small HTTP/1.1 server on Boost.Beast: keep-alive connections, a bounded
// request size, and one handler function that turns a parsed request into a
// response. Requests that cannot be parsed (oversized headers or body,
// garbage) are answered 400 BAD_REQUEST by the server itself and the
// connection is closed; the handler never sees them.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "mpc/error.hpp"

namespace okmpc::gateway {

struct HttpRequest {
  std::string method;         // "GET", "POST", ...
  std::string target;         // path and query, e.g. "/api/oc/v1/chain/blocks/1"
  std::string body;
  std::string authorization;  // the Authorization header, "" if absent
  std::string remote_ip;      // the peer's address, e.g. "127.0.0.1"
};

struct HttpResponse {
  unsigned status = 200;
  std::string body;  // JSON
};

// Called concurrently from the server's threads; must be thread-safe and must
// not throw (an escaping exception is answered 500 INTERNAL).
using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 0;                 // 0: the OS picks a free port
  size_t max_body_bytes = 64 * 1024;
  size_t max_header_bytes = 8 * 1024;
  unsigned threads = 4;
  unsigned read_timeout_seconds = 30;
};

class HttpServer {
 public:
  // Binds and starts serving on `options.threads` threads. Fails with kIo if
  // the address cannot be bound, kInvalidArgument if it does not parse.
  static Result<std::unique_ptr<HttpServer>> start(const HttpServerOptions& options, HttpHandler handler);

  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // The bound port (the chosen one when options.port was 0).
  uint16_t port() const;
  // Stops accepting, closes connections, joins the threads. Idempotent.
  void stop();

  struct Impl;

 private:
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace okmpc::gateway
