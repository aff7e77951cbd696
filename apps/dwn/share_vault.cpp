#include "apps/dwn/share_vault.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace okmpc::dwn {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kAdLabel = "okmpc-dwn-share-v1";
constexpr size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;

Error io_error(const std::string& what, const fs::path& path) {
  return Error(ErrorCode::kIo, what + " " + path.string() + ": " + std::strerror(errno));
}

// Writes `data` to `path` atomically (temp file, fsync, rename, fsync dir).
Status write_file_atomic(const fs::path& path, ByteView data, mode_t mode) {
  fs::path tmp = path;
  tmp += ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) return tl::unexpected(io_error("cannot create", tmp));
  size_t done = 0;
  while (done < data.size()) {
    ssize_t w = ::write(fd, data.data() + done, data.size() - done);
    if (w < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      return tl::unexpected(io_error("cannot write", tmp));
    }
    done += static_cast<size_t>(w);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) return tl::unexpected(io_error("cannot sync", tmp));
  if (::rename(tmp.c_str(), path.c_str()) != 0) return tl::unexpected(io_error("cannot rename into", path));
  int dfd = ::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
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

}  // namespace

bool valid_key_id(std::string_view key_id) {
  if (key_id.empty() || key_id.size() > 64) return false;
  for (char c : key_id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

Result<ShareVault> ShareVault::open(const fs::path& dir, uint32_t node_id) {
  if (sodium_init() < 0) return fail(ErrorCode::kInternal, "libsodium failed to initialize");
  std::error_code ec;
  fs::create_directories(dir / "shares", ec);
  if (ec) return fail(ErrorCode::kIo, "cannot create " + (dir / "shares").string() + ": " + ec.message());
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  const fs::path key_path = dir / "node.key";
  Secret<ByteArray<32>> key;
  if (!fs::exists(key_path)) {
    randombytes_buf(key.expose_mut().data(), key.expose().size());
    OKMPC_TRY(write_file_atomic(key_path, key.expose(), 0600));
  } else {
    struct stat st {};
    if (::stat(key_path.c_str(), &st) != 0) return tl::unexpected(io_error("cannot stat", key_path));
    if ((st.st_mode & 077) != 0) {
      return fail(ErrorCode::kPermissionDenied, key_path.string() + " is readable by group/other (want mode 0600)");
    }
    OKMPC_ASSIGN_OR_RETURN(Bytes raw, read_file(key_path));
    SecretBytes guard(std::move(raw));
    if (guard.size() != 32) return fail(ErrorCode::kCorrupted, key_path.string() + " is not a 32-byte key");
    std::memcpy(key.expose_mut().data(), guard.expose().data(), 32);
  }
  return ShareVault(dir, node_id, std::move(key));
}

Bytes ShareVault::associated_data(std::string_view key_id) const {
  Bytes ad;
  append(ad, as_bytes(kAdLabel));
  append_u32_be(ad, node_id_);
  append(ad, as_bytes(key_id));
  return ad;
}

fs::path ShareVault::share_path(std::string_view key_id) const {
  return dir_ / "shares" / (std::string(key_id) + ".share");
}

bool ShareVault::contains(std::string_view key_id) const {
  return valid_key_id(key_id) && fs::exists(share_path(key_id));
}

Status ShareVault::put(std::string_view key_id, const SecretBytes& plaintext) {
  if (!valid_key_id(key_id)) return fail(ErrorCode::kInvalidArgument, "invalid key id '" + std::string(key_id) + "'");
  const fs::path path = share_path(key_id);
  if (fs::exists(path)) {
    return fail(ErrorCode::kAlreadyExists, "node " + std::to_string(node_id_) + " already holds key " +
                                               std::string(key_id));
  }
  const Bytes ad = associated_data(key_id);
  Bytes out(kNonceBytes + plaintext.size() + kTagBytes);
  randombytes_buf(out.data(), kNonceBytes);
  unsigned long long clen = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + kNonceBytes, &clen, plaintext.expose().data(),
                                             plaintext.size(), ad.data(), ad.size(), nullptr, out.data(),
                                             key_.expose().data());
  out.resize(kNonceBytes + clen);
  return write_file_atomic(path, out, 0600);
}

Result<SecretBytes> ShareVault::get(std::string_view key_id) const {
  if (!valid_key_id(key_id)) return fail(ErrorCode::kInvalidArgument, "invalid key id '" + std::string(key_id) + "'");
  auto data = read_file(share_path(key_id));
  if (!data) {
    if (data.error().code == ErrorCode::kNotFound) {
      return fail(ErrorCode::kNotFound,
                  "node " + std::to_string(node_id_) + " holds no share of key " + std::string(key_id));
    }
    return tl::unexpected(data.error());
  }
  if (data->size() < kNonceBytes + kTagBytes) {
    return fail(ErrorCode::kCorrupted, "share file of key " + std::string(key_id) + " is truncated",
                {node_id_});
  }
  const Bytes ad = associated_data(key_id);
  Bytes plain(data->size() - kNonceBytes - kTagBytes);
  unsigned long long mlen = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain.data(), &mlen, nullptr, data->data() + kNonceBytes,
                                                 data->size() - kNonceBytes, ad.data(), ad.size(), data->data(),
                                                 key_.expose().data()) != 0) {
    sodium_memzero(plain.data(), plain.size());
    return fail(ErrorCode::kCorrupted,
                "share of key " + std::string(key_id) + " at node " + std::to_string(node_id_) +
                    " failed to authenticate",
                {node_id_});
  }
  plain.resize(mlen);
  return SecretBytes(std::move(plain));
}

}  // namespace okmpc::dwn
