#include "apps/dwn/atomic_file.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "mpc/hex.hpp"

namespace okmpc::dwn {

namespace fs = std::filesystem;

namespace {

Error io_error(const std::string& what, const fs::path& path) {
  return Error(ErrorCode::kIo, what + " " + path.string() + ": " + std::strerror(errno));
}

}  // namespace

Status write_file_atomic(const fs::path& path, ByteView data, mode_t mode) {
  // A temporary name of its own (O_EXCL): concurrent writers of one path
  // never truncate or rename each other's half-written file; the last
  // rename wins with a complete file.
  uint8_t nonce[8];
  randombytes_buf(nonce, sizeof nonce);
  fs::path tmp = path;
  tmp += ".tmp-" + to_hex(ByteView(nonce, sizeof nonce));
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) return tl::unexpected(io_error("cannot create", tmp));
  ::fchmod(fd, mode);
  size_t done = 0;
  while (done < data.size()) {
    ssize_t w = ::write(fd, data.data() + done, data.size() - done);
    if (w < 0) {
      if (errno == EINTR) continue;
      Error e = io_error("cannot write", tmp);
      ::close(fd);
      ::unlink(tmp.c_str());
      return tl::unexpected(std::move(e));
    }
    done += static_cast<size_t>(w);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    Error e = io_error("cannot sync", tmp);
    ::unlink(tmp.c_str());
    return tl::unexpected(std::move(e));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    Error e = io_error("cannot rename into", path);
    ::unlink(tmp.c_str());
    return tl::unexpected(std::move(e));
  }
  int dfd = ::open(path.parent_path().empty() ? "." : path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return ok();
}

Result<Bytes> read_file(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return fail(ErrorCode::kNotFound, "no such file " + path.string());
    return tl::unexpected(io_error("cannot open", path));
  }
  Bytes out;
  uint8_t buf[4096];
  for (;;) {
    ssize_t r = ::read(fd, buf, sizeof buf);
    if (r < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      return tl::unexpected(io_error("cannot read", path));
    }
    if (r == 0) break;
    out.insert(out.end(), buf, buf + r);
  }
  ::close(fd);
  return out;
}

Result<SecretBytes> load_or_create_secret(const fs::path& path, size_t size) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno != ENOENT) return tl::unexpected(io_error("cannot stat", path));
    Bytes fresh(size);
    randombytes_buf(fresh.data(), fresh.size());
    SecretBytes secret(std::move(fresh));
    OKMPC_TRY(write_file_atomic(path, secret.expose(), 0600));
    return secret;
  }
  if ((st.st_mode & 077) != 0) {
    return fail(ErrorCode::kPermissionDenied, path.string() + " is readable by group/other (want mode 0600)");
  }
  OKMPC_ASSIGN_OR_RETURN(Bytes raw, read_file(path));
  SecretBytes secret(std::move(raw));
  if (secret.size() != size) {
    return fail(ErrorCode::kCorrupted, path.string() + " is not a " + std::to_string(size) + "-byte secret");
  }
  return secret;
}

}  // namespace okmpc::dwn
