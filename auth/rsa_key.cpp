#include "auth/rsa_key.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>

namespace okmpc::auth {
namespace {

struct BioFree { void operator()(BIO* b) const { BIO_free(b); } };
struct BnFree { void operator()(BIGNUM* b) const { BN_free(b); } };
struct CtxFree { void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); } };
struct MdCtxFree { void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); } };
struct BldFree { void operator()(OSSL_PARAM_BLD* b) const { OSSL_PARAM_BLD_free(b); } };
struct ParamFree { void operator()(OSSL_PARAM* p) const { OSSL_PARAM_free(p); } };
using Bn = std::unique_ptr<BIGNUM, BnFree>;

std::shared_ptr<EVP_PKEY> own(EVP_PKEY* k) { return std::shared_ptr<EVP_PKEY>(k, EVP_PKEY_free); }

// The SHA-256 implementation, fetched once (implicit fetches per call are slow).
const EVP_MD* sha256_md() {
  static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return md;
}

Bytes bn_bytes(const EVP_PKEY* key, const char* name) {
  BIGNUM* raw = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &raw) != 1) return {};
  Bn bn(raw);
  Bytes out(static_cast<size_t>(BN_num_bytes(bn.get())));
  BN_bn2bin(bn.get(), out.data());
  return out;
}

}  // namespace

Result<RsaPublicKey> RsaPublicKey::from_components(ByteView modulus, ByteView exponent) {
  if (modulus.empty() || modulus[0] == 0 || exponent.empty() || exponent[0] == 0) {
    return fail(ErrorCode::kInvalidArgument, "rsa: modulus and exponent must be minimal, non-empty big-endian");
  }
  const size_t bits = modulus.size() * 8 - static_cast<size_t>(__builtin_clz(modulus[0]) - 24);
  if (bits < 2048 || bits > 8192) {
    return fail(ErrorCode::kInvalidArgument, "rsa: modulus of " + std::to_string(bits) + " bits (need 2048..8192)");
  }
  if ((modulus.back() & 1) == 0) return fail(ErrorCode::kInvalidArgument, "rsa: even modulus");
  if (exponent.size() > 4 || (exponent.back() & 1) == 0 || (exponent.size() == 1 && exponent[0] < 3)) {
    return fail(ErrorCode::kInvalidArgument, "rsa: exponent must be odd, >= 3 and < 2^32");
  }
  Bn n(BN_bin2bn(modulus.data(), static_cast<int>(modulus.size()), nullptr));
  Bn e(BN_bin2bn(exponent.data(), static_cast<int>(exponent.size()), nullptr));
  std::unique_ptr<OSSL_PARAM_BLD, BldFree> bld(OSSL_PARAM_BLD_new());
  if (!n || !e || !bld || OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1) {
    return fail(ErrorCode::kInternal, "rsa: OpenSSL parameter build failed");
  }
  std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(bld.get()));
  std::unique_ptr<EVP_PKEY_CTX, CtxFree> ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
  EVP_PKEY* key = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
    return fail(ErrorCode::kInvalidArgument, "rsa: OpenSSL rejected the public key");
  }
  return RsaPublicKey(own(key));
}

bool RsaPublicKey::verify_rs256(ByteView message, ByteView signature) const {
  if (signature.size() != static_cast<size_t>(EVP_PKEY_get_size(key_.get()))) return false;
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;  // owned by ctx
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), &pctx, sha256_md(), nullptr, key_.get()) != 1 ||
      EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1) {
    return false;
  }
  return EVP_DigestVerify(ctx.get(), signature.data(), signature.size(), message.data(), message.size()) == 1;
}

size_t RsaPublicKey::modulus_bits() const { return static_cast<size_t>(EVP_PKEY_get_bits(key_.get())); }
Bytes RsaPublicKey::modulus() const { return bn_bytes(key_.get(), OSSL_PKEY_PARAM_RSA_N); }
Bytes RsaPublicKey::exponent() const { return bn_bytes(key_.get(), OSSL_PKEY_PARAM_RSA_E); }

Result<RsaPrivateKey> RsaPrivateKey::generate(unsigned bits) {
  if (bits < 2048 || bits > 8192) return fail(ErrorCode::kInvalidArgument, "rsa: key size outside 2048..8192 bits");
  EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(bits));
  if (!key) return fail(ErrorCode::kInternal, "rsa: key generation failed");
  return RsaPrivateKey(own(key));
}

Result<RsaPrivateKey> RsaPrivateKey::from_pem(std::string_view pem) {
  std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  EVP_PKEY* key = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr;
  if (!key) return fail(ErrorCode::kInvalidEncoding, "rsa: not an unencrypted PEM private key");
  auto owned = own(key);
  if (!EVP_PKEY_is_a(key, "RSA")) return fail(ErrorCode::kInvalidEncoding, "rsa: PEM key is not RSA");
  if (EVP_PKEY_get_bits(key) < 2048 || EVP_PKEY_get_bits(key) > 8192) {
    return fail(ErrorCode::kInvalidArgument, "rsa: key size outside 2048..8192 bits");
  }
  // Keep the invariant public_key() relies on: the public half meets RsaPublicKey's contract.
  auto pub = RsaPublicKey::from_components(bn_bytes(key, OSSL_PKEY_PARAM_RSA_N), bn_bytes(key, OSSL_PKEY_PARAM_RSA_E));
  if (!pub) return tl::unexpected(pub.error());
  return RsaPrivateKey(std::move(owned));
}

std::string RsaPrivateKey::to_pem() const {
  std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) return {};
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &data);
  std::string out(data, static_cast<size_t>(len));
  return out;
}

Result<Bytes> RsaPrivateKey::sign_rs256(ByteView message) const {
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  size_t len = 0;
  if (!ctx || EVP_DigestSignInit(ctx.get(), &pctx, sha256_md(), nullptr, key_.get()) != 1 ||
      EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &len, message.data(), message.size()) != 1) {
    return fail(ErrorCode::kInternal, "rsa: signing setup failed");
  }
  Bytes sig(len);
  if (EVP_DigestSign(ctx.get(), sig.data(), &len, message.data(), message.size()) != 1) {
    return fail(ErrorCode::kInternal, "rsa: signing failed");
  }
  sig.resize(len);
  return sig;
}

RsaPublicKey RsaPrivateKey::public_key() const {
  // The public half as its own object, so verifiers never hold the private key.
  auto pub = RsaPublicKey::from_components(bn_bytes(key_.get(), OSSL_PKEY_PARAM_RSA_N),
                                           bn_bytes(key_.get(), OSSL_PKEY_PARAM_RSA_E));
  return std::move(*pub);  // generate() and from_pem() only admit keys that satisfy the contract
}

}  // namespace okmpc::auth
