#include "mpc/hash.hpp"

#include <cryptopp/keccak.h>
#include <openssl/evp.h>
#include <sodium.h>

#include <cassert>
#include <cstdlib>

namespace okmpc {
namespace {

// OpenSSL only fails here on allocation failure or a broken provider
// installation: nothing a caller could handle, so abort (hash.hpp).
void check(int ok) {
  if (ok != 1) std::abort();
}

// The algorithm, fetched from the default provider once per process (an
// implicit fetch per call, as EVP_sha256() does, costs a lookup every time).
const EVP_MD* sha256_md() {
  static const EVP_MD* md = EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
  if (md == nullptr) std::abort();
  return md;
}

const EVP_MD* sha512_md() {
  static const EVP_MD* md = EVP_MD_fetch(nullptr, "SHA2-512", nullptr);
  if (md == nullptr) std::abort();
  return md;
}

// One digest context per thread and algorithm, reused across calls (no
// allocation per hash). Between uses it holds only the algorithm's initial
// state: digest() re-initialises it right after finishing.
class ThreadDigest {
 public:
  explicit ThreadDigest(const EVP_MD* md) : md_(md), ctx_(EVP_MD_CTX_new()) {
    if (ctx_ == nullptr) std::abort();
    check(EVP_DigestInit_ex2(ctx_, md_, nullptr));
  }
  ~ThreadDigest() { EVP_MD_CTX_free(ctx_); }
  ThreadDigest(const ThreadDigest&) = delete;
  ThreadDigest& operator=(const ThreadDigest&) = delete;

  template <size_t N>
  ByteArray<N> digest(std::initializer_list<ByteView> parts) {
    for (ByteView p : parts) check(EVP_DigestUpdate(ctx_, p.data(), p.size()));
    ByteArray<N> out;
    unsigned int len = 0;
    check(EVP_DigestFinal_ex(ctx_, out.data(), &len));
    assert(len == N);
    check(EVP_DigestInit_ex2(ctx_, md_, nullptr));  // wipe the chaining value, ready for the next call
    return out;
  }

 private:
  const EVP_MD* md_;
  EVP_MD_CTX* ctx_;
};

}  // namespace

Hash32 sha256(ByteView data) { return sha256({data}); }
Hash64 sha512(ByteView data) { return sha512({data}); }
Hash32 keccak256(ByteView data) { return keccak256({data}); }

Hash32 sha256(std::initializer_list<ByteView> parts) {
  thread_local ThreadDigest ctx(sha256_md());
  return ctx.digest<32>(parts);
}

Hash64 sha512(std::initializer_list<ByteView> parts) {
  thread_local ThreadDigest ctx(sha512_md());
  return ctx.digest<64>(parts);
}

Hash32 keccak256(std::initializer_list<ByteView> parts) {
  CryptoPP::Keccak_256 h;
  for (ByteView p : parts) h.Update(p.data(), p.size());
  Hash32 out;
  h.Final(out.data());
  return out;
}

Hash32 hmac_sha256(ByteView key, ByteView data) {
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, key.data(), key.size());
  crypto_auth_hmacsha256_update(&st, data.data(), data.size());
  Hash32 out;
  crypto_auth_hmacsha256_final(&st, out.data());
  sodium_memzero(&st, sizeof st);
  return out;
}

struct Sha256::State {
  EVP_MD_CTX* ctx = nullptr;
  State() : ctx(EVP_MD_CTX_new()) {
    if (ctx == nullptr) std::abort();
    check(EVP_DigestInit_ex2(ctx, sha256_md(), nullptr));
  }
  ~State() { EVP_MD_CTX_free(ctx); }  // frees the algorithm state with OPENSSL_clear_free
  State(const State&) = delete;
  State& operator=(const State&) = delete;
};

Sha256::Sha256() : state_(std::make_unique<State>()) {}
Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::update(ByteView data) {
  assert(state_ != nullptr);
  if (!state_) state_ = std::make_unique<State>();
  check(EVP_DigestUpdate(state_->ctx, data.data(), data.size()));
}

Hash32 Sha256::finish() {
  assert(state_ != nullptr);
  if (!state_) state_ = std::make_unique<State>();
  Hash32 out;
  unsigned int len = 0;
  check(EVP_DigestFinal_ex(state_->ctx, out.data(), &len));
  state_.reset();
  return out;
}

}  // namespace okmpc
