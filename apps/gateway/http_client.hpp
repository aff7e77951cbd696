// A blocking HTTP/1.1 client for the gateway's JSON API over one keep-alive
// loopback connection (Boost.Beast). Header-only so the demo and the
// end-to-end tests (which link no apps/ sources) share it.
//
// Contract: request() sends one request and returns the status and body; it
// reconnects once if the server closed the kept-alive connection. Transport
// failures are kIo errors; HTTP error statuses are not errors here (the caller
// inspects `status`). Not thread-safe: use one client per thread.
#pragma once

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <optional>
#include <string>

#include "mpc/error.hpp"

namespace okmpc::gateway {

struct ClientResponse {
  unsigned status = 0;
  std::string body;
};

class HttpClient {
 public:
  HttpClient(std::string host, uint16_t port) : host_(std::move(host)), port_(port) {}

  Result<ClientResponse> request(const std::string& method, const std::string& target, const std::string& body = "",
                                 const std::string& authorization = "") {
    for (int attempt = 0; attempt < 2; ++attempt) {
      auto r = try_request(method, target, body, authorization);
      if (r) return r;
      stream_.reset();  // stale keep-alive connection: reconnect once
      if (attempt == 1) return r;
    }
    return fail(ErrorCode::kIo, "unreachable");
  }
  Result<ClientResponse> get(const std::string& target, const std::string& authorization = "") {
    return request("GET", target, "", authorization);
  }
  Result<ClientResponse> post(const std::string& target, const std::string& body) {
    return request("POST", target, body);
  }

 private:
  Result<ClientResponse> try_request(const std::string& method, const std::string& target, const std::string& body,
                                     const std::string& authorization) {
    namespace beast = boost::beast;
    namespace http = beast::http;
    using tcp = boost::asio::ip::tcp;
    beast::error_code ec;
    if (!stream_) {
      stream_.emplace(io_);
      tcp::resolver resolver(io_);
      auto results = resolver.resolve(host_, std::to_string(port_), ec);
      if (!ec) stream_->connect(results, ec);
      if (ec) {
        stream_.reset();
        return fail(ErrorCode::kIo, "cannot connect to " + host_ + ":" + std::to_string(port_) + ": " + ec.message());
      }
    }
    http::request<http::string_body> req{http::string_to_verb(method), target, 11};
    req.set(http::field::host, host_);
    req.set(http::field::content_type, "application/json");
    if (!authorization.empty()) req.set(http::field::authorization, authorization);
    req.keep_alive(true);
    req.body() = body;
    req.prepare_payload();
    stream_->expires_after(std::chrono::seconds(60));
    http::write(*stream_, req, ec);
    if (ec) return fail(ErrorCode::kIo, "send failed: " + ec.message());
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(16u << 20);
    http::read(*stream_, buffer, parser, ec);
    if (ec) return fail(ErrorCode::kIo, "receive failed: " + ec.message());
    auto& res = parser.get();
    ClientResponse out{static_cast<unsigned>(res.result_int()), res.body()};
    if (!res.keep_alive()) stream_.reset();
    return out;
  }

  std::string host_;
  uint16_t port_;
  boost::asio::io_context io_;
  std::optional<boost::beast::tcp_stream> stream_;
};

}  // namespace okmpc::gateway
