#include "apps/dwn/share_vault.hpp"

#include "apps/dwn/atomic_file.hpp"

#include <sodium.h>

#include <cstring>

namespace okmpc::dwn {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kAdLabel = "okmpc-dwn-share-v1";
constexpr size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;

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
  OKMPC_ASSIGN_OR_RETURN(SecretBytes raw, load_or_create_secret(dir / "node.key", 32));
  Secret<ByteArray<32>> key;
  std::memcpy(key.expose_mut().data(), raw.expose().data(), 32);
  return ShareVault(dir, node_id, std::move(key));
}

Bytes ShareVault::associated_data(std::string_view key_id) const {
  // label ‖ u32be node id ‖ key id, written into a buffer of the final size.
  Bytes ad(kAdLabel.size() + 4 + key_id.size());
  std::memcpy(ad.data(), kAdLabel.data(), kAdLabel.size());
  for (size_t i = 0; i < 4; ++i) ad[kAdLabel.size() + i] = static_cast<uint8_t>(node_id_ >> (24 - 8 * i));
  if (!key_id.empty()) std::memcpy(ad.data() + kAdLabel.size() + 4, key_id.data(), key_id.size());
  return ad;
}

fs::path ShareVault::share_path(std::string_view key_id) const {
  return dir_ / "shares" / (std::string(key_id) + ".share");
}

bool ShareVault::contains(std::string_view key_id) const {
  return valid_key_id(key_id) && fs::exists(share_path(key_id));
}

Bytes ShareVault::seal(std::string_view key_id, const SecretBytes& plaintext) const {
  const Bytes ad = associated_data(key_id);
  Bytes out(kNonceBytes + plaintext.size() + kTagBytes);
  randombytes_buf(out.data(), kNonceBytes);
  unsigned long long clen = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + kNonceBytes, &clen, plaintext.expose().data(),
                                             plaintext.size(), ad.data(), ad.size(), nullptr, out.data(),
                                             key_.expose().data());
  out.resize(kNonceBytes + clen);
  return out;
}

Status ShareVault::put(std::string_view key_id, const SecretBytes& plaintext) {
  if (!valid_key_id(key_id)) return fail(ErrorCode::kInvalidArgument, "invalid key id '" + std::string(key_id) + "'");
  const fs::path path = share_path(key_id);
  if (fs::exists(path)) {
    return fail(ErrorCode::kAlreadyExists, "node " + std::to_string(node_id_) + " already holds key " +
                                               std::string(key_id));
  }
  return write_file_atomic(path, seal(key_id, plaintext), 0600);
}

Status ShareVault::replace(std::string_view key_id, const SecretBytes& plaintext) {
  if (!valid_key_id(key_id)) return fail(ErrorCode::kInvalidArgument, "invalid key id '" + std::string(key_id) + "'");
  const fs::path path = share_path(key_id);
  if (!fs::exists(path)) {
    return fail(ErrorCode::kNotFound, "node " + std::to_string(node_id_) + " holds no share of key " +
                                          std::string(key_id));
  }
  return write_file_atomic(path, seal(key_id, plaintext), 0600);
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
