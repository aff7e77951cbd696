// A gateway and its HTTP server in this process on 127.0.0.1 with an
// OS-chosen port (the demo and its throughput mode use it). stop() shuts the
// server down and closes every store, so the data directory can be reopened.
#pragma once

#include <memory>

#include "apps/gateway/gateway.hpp"
#include "apps/gateway/http_server.hpp"

namespace okmpc::gateway {

class InProcessGateway {
 public:
  static Result<std::unique_ptr<InProcessGateway>> start(const GatewayConfig& config) {
    auto out = std::unique_ptr<InProcessGateway>(new InProcessGateway());
    OKMPC_ASSIGN_OR_RETURN(out->gateway_, Gateway::open(config));
    HttpServerOptions options;
    options.port = 0;
    options.threads = config.threads;
    Gateway* g = out->gateway_.get();
    OKMPC_ASSIGN_OR_RETURN(out->server_,
                           HttpServer::start(options, [g](const HttpRequest& r) { return g->handle(r); }));
    return out;
  }
  ~InProcessGateway() { stop(); }

  uint16_t port() const { return server_ ? server_->port() : 0; }
  // The gateway (valid until stop()).
  const Gateway& gateway() const { return *gateway_; }
  void stop() {
    if (server_) server_->stop();
    server_.reset();
    gateway_.reset();
  }

 private:
  InProcessGateway() = default;
  std::unique_ptr<Gateway> gateway_;
  std::unique_ptr<HttpServer> server_;
};

}  // namespace okmpc::gateway
