#include "bench_cli_run.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

extern char** environ;

namespace okmpc::bench_test {
namespace {

// Reads both fds until each reports EOF (a pty master reports EIO once the
// child side is closed, which counts as EOF).
void drain(int out_fd, int err_fd, std::string* out, std::string* err) {
  pollfd p[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  int open = 2;
  char buf[4096];
  while (open > 0) {
    if (poll(p, 2, 60'000) <= 0) {
      if (errno == EINTR) continue;
      ADD_FAILURE() << "okmpc produced no output for 60 s";
      return;
    }
    for (int i = 0; i < 2; ++i) {
      if (p[i].fd < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t got = read(p[i].fd, buf, sizeof buf);
      if (got > 0) {
        (i == 0 ? out : err)->append(buf, static_cast<size_t>(got));
      } else if (got == 0 || errno != EINTR) {
        p[i].fd = -1;
        --open;
      }
    }
  }
}

}  // namespace

CliRun run_okmpc(const std::vector<std::string>& args, bool stderr_on_terminal) {
  CliRun result;
  int out_pipe[2];
  int err_read = -1;
  int err_write = -1;
  if (pipe(out_pipe) != 0) {
    ADD_FAILURE() << "pipe failed";
    return result;
  }
  if (stderr_on_terminal) {
    if (openpty(&err_read, &err_write, nullptr, nullptr, nullptr) != 0) {
      ADD_FAILURE() << "openpty failed";
      return result;
    }
  } else {
    int err_pipe[2];
    if (pipe(err_pipe) != 0) {
      ADD_FAILURE() << "pipe failed";
      return result;
    }
    err_read = err_pipe[0];
    err_write = err_pipe[1];
  }
  std::vector<std::string> argv_s{OKMPC_BIN};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_write, STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  posix_spawn_file_actions_addclose(&actions, err_read);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_write);
  if (rc != 0) {
    close(out_pipe[0]);
    close(err_read);
    ADD_FAILURE() << "cannot start " << OKMPC_BIN;
    return result;
  }
  drain(out_pipe[0], err_read, &result.out, &result.err);
  close(out_pipe[0]);
  close(err_read);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  const auto dir = std::filesystem::temp_directory_path() /
                   ("okmpc-bench-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  path_ = dir.string();
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace okmpc::bench_test
