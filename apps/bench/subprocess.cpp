#include "apps/bench/subprocess.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace okmpc::bench {
namespace {

// Exit code the child uses when exec fails, so the parent can tell
// "not found" from a program's own failure.
constexpr int kExecFailed = 127;

void drain(int fds[2], std::string* out, std::string* err) {
  pollfd p[2] = {{fds[0], POLLIN, 0}, {fds[1], POLLIN, 0}};
  int open = 2;
  char buf[4096];
  while (open > 0) {
    if (poll(p, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    for (int i = 0; i < 2; ++i) {
      if (p[i].fd < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t got = read(p[i].fd, buf, sizeof buf);
      if (got > 0) {
        (i == 0 ? out : err)->append(buf, static_cast<size_t>(got));
      } else if (got == 0 || errno != EINTR) {
        close(p[i].fd);
        p[i].fd = -1;
        --open;
      }
    }
  }
}

}  // namespace

Result<ProcessOutput> run_process(const std::vector<std::string>& argv, const std::string& cwd) {
  if (argv.empty()) return fail(ErrorCode::kInvalidArgument, "run_process: empty argv");
  int out_pipe[2];
  int err_pipe[2];
  if (pipe(out_pipe) != 0) return fail(ErrorCode::kIo, std::string("pipe: ") + std::strerror(errno));
  if (pipe(err_pipe) != 0) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    return fail(ErrorCode::kIo, std::string("pipe: ") + std::strerror(errno));
  }
  std::vector<char*> cargv;
  for (const std::string& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
  cargv.push_back(nullptr);

  pid_t pid = fork();
  if (pid < 0) {
    for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) close(fd);
    return fail(ErrorCode::kIo, std::string("fork: ") + std::strerror(errno));
  }
  if (pid == 0) {
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) dup2(devnull, STDIN_FILENO);
    dup2(out_pipe[1], STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) close(fd);
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(kExecFailed);
    execvp(cargv[0], cargv.data());
    _exit(kExecFailed);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  ProcessOutput result;
  int fds[2] = {out_pipe[0], err_pipe[0]};
  drain(fds, &result.out, &result.err);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (result.exit_code == kExecFailed && result.out.empty() && result.err.empty()) {
    return fail(ErrorCode::kIo, "could not run '" + argv[0] + "' (not installed?)");
  }
  return result;
}

}  // namespace okmpc::bench
