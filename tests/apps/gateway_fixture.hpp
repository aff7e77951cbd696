// Test support for the end-to-end gateway tests: runs `okmpc gateway` as a
// child process on 127.0.0.1 with an OS-chosen port and a fresh data
// directory, and talks to it over real HTTP.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "apps/gateway/http_client.hpp"

namespace okmpc::gateway::testing {

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "okmpc-gw-XXXXXX").string();
    char* made = ::mkdtemp(tmpl.data());
    path_ = made ? made : "";
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// One `okmpc gateway` child process.
class GatewayProcess {
 public:
  // Starts the gateway on `data_dir` with extra arguments; waits (bounded) for
  // its "listening on 127.0.0.1:PORT" line. port() is 0 if it did not start.
  GatewayProcess(const std::filesystem::path& data_dir, std::vector<std::string> extra = {}) {
    int out[2];
    if (::pipe(out) != 0) return;
    std::vector<std::string> args = {OKMPC_BIN, "gateway", "--listen", "127.0.0.1:0", "--data", data_dir.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], STDOUT_FILENO);
      ::close(out[0]);
      ::close(out[1]);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    stdout_fd_ = out[0];
    std::string line;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{stdout_fd_, POLLIN, 0};
      if (::poll(&p, 1, 200) <= 0) continue;
      char c;
      if (::read(stdout_fd_, &c, 1) != 1) break;
      if (c == '\n') break;
      line.push_back(c);
    }
    const std::string prefix = "listening on 127.0.0.1:";
    if (line.rfind(prefix, 0) == 0) port_ = static_cast<uint16_t>(std::stoi(line.substr(prefix.size())));
  }

  ~GatewayProcess() { stop(SIGTERM); }

  uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }

  // Sends `sig` and reaps the child; returns its wait status.
  int stop(int sig) {
    int status = 0;
    if (pid_ > 0) {
      ::kill(pid_, sig);
      ::waitpid(pid_, &status, 0);
      pid_ = -1;
    }
    if (stdout_fd_ >= 0) {
      ::close(stdout_fd_);
      stdout_fd_ = -1;
    }
    return status;
  }

  HttpClient client() const { return HttpClient("127.0.0.1", port_); }

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  uint16_t port_ = 0;
};

// Parses a response body; fails the test if it is not JSON.
inline boost::json::object body_json(const ClientResponse& r) {
  boost::json::error_code ec;
  auto v = boost::json::parse(r.body, ec);
  EXPECT_FALSE(ec) << r.body;
  EXPECT_TRUE(v.is_object()) << r.body;
  return v.is_object() ? v.as_object() : boost::json::object{};
}

// The errorCode of an error response ("" if the body is not an error).
inline std::string error_code_of(const ClientResponse& r) {
  auto o = body_json(r);
  if (!o.contains("error") || !o["error"].is_object()) return "";
  auto& e = o["error"].as_object();
  return e.contains("errorCode") && e["errorCode"].is_string() ? std::string(e["errorCode"].as_string()) : "";
}

}  // namespace okmpc::gateway::testing
