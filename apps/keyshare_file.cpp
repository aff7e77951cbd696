#include "apps/keyshare_file.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <vector>

#include "auth/strict_json.hpp"
#include "mpc/hex.hpp"
#include "protocols/dkg/point_sums.hpp"

namespace okmpc::keyshare {
namespace {

constexpr size_t kMaxFileBytes = 64 * 1024;  // 255 parties need ~19 KiB
const std::set<std::string> kFields = {"curve",         "index",           "threshold",           "parties",
                                       "secret_share", "group_public_key", "verification_shares"};

// Prefixes an error with the file it came from; keeps code and culprits.
tl::unexpected<Error> in_file(const std::filesystem::path& path, Error e) {
  e.message = path.string() + ": " + e.message;
  return tl::unexpected<Error>(std::move(e));
}

void wipe(std::string& s) {
  if (!s.empty()) sodium_memzero(s.data(), s.size());
}

// The file's bytes (the caller wipes them).
Result<std::string> read_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return fail(ErrorCode::kNotFound, "no such file");
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return fail(ErrorCode::kIo, "cannot stat: " + ec.message());
  if (size > kMaxFileBytes) {
    return fail(ErrorCode::kInvalidEncoding, "larger than " + std::to_string(kMaxFileBytes) + " bytes");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::kIo, "cannot open for reading");
  std::string text(static_cast<size_t>(size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  if (!in) {
    wipe(text);
    return fail(ErrorCode::kIo, "read failed");
  }
  return text;
}

// Canonical hex of exactly n bytes: lowercase, no prefix.
Result<Bytes> canonical_hex(std::string_view field, std::string_view hex, size_t n) {
  auto bytes = from_hex(hex);
  if (!bytes || bytes->size() != n || to_hex(*bytes) != hex) {
    if (bytes) sodium_memzero(bytes->data(), bytes->size());
    return fail(ErrorCode::kInvalidEncoding, "\"" + std::string(field) + "\" must be " + std::to_string(n) +
                                                 " bytes of lowercase hex");
  }
  return bytes;
}

template <Curve C>
Result<typename C::Point> parse_point(std::string_view field, std::string_view hex) {
  OKMPC_ASSIGN_OR_RETURN(Bytes b, canonical_hex(field, hex, C::kPointBytes));
  auto p = C::Point::from_bytes(b);
  if (!p) return fail(p.error().code, "\"" + std::string(field) + "\": " + p.error().message);
  return *p;
}

Result<boost::json::object> parse_object(std::string& text) {
  auto obj = auth::parse_strict_object(text);
  wipe(text);
  if (!obj) return tl::unexpected<Error>(std::move(obj).error());
  for (const auto& kv : *obj) {
    const std::string key(kv.key().data(), kv.key().size());
    if (!kFields.count(key)) return fail(ErrorCode::kInvalidEncoding, "unknown field \"" + key + "\"");
  }
  for (const auto& f : kFields) {
    if (!obj->contains(f)) return fail(ErrorCode::kInvalidEncoding, "missing field \"" + f + "\"");
  }
  return obj;
}

// λ_i(x) = Π_{j≠i} (x − j)/(i − j) over ids 1..t: coefficients that evaluate
// at x the polynomial through the points at 1..t. Public data.
template <Curve C>
std::vector<typename C::Scalar> lagrange_at(uint32_t t, uint32_t x) {
  using S = typename C::Scalar;
  std::vector<S> out;
  const S xs = S::from_u64(x);
  for (uint32_t i = 1; i <= t; ++i) {
    S num = S::one(), den = S::one();
    for (uint32_t j = 1; j <= t; ++j) {
      if (j == i) continue;
      num = num * (xs - S::from_u64(j));
      den = den * (S::from_u64(i) - S::from_u64(j));
    }
    out.push_back(num * den.invert());
  }
  return out;
}

// kCorrupted unless the share is consistent (see the header).
template <Curve C>
Status check_consistency(const dkg::KeyShare<C>& k) {
  using S = typename C::Scalar;
  using P = typename C::Point;
  const auto& ys = k.verification_shares;
  if (!(P::base_mul(k.secret_share.expose()) == ys[k.index - 1])) {
    return fail(ErrorCode::kCorrupted, "secret_share does not match verification_shares[" +
                                           std::to_string(k.index) + "]");
  }
  const std::span<const P> base(ys.data(), k.threshold);
  if (!(dkg::multi_mul_vartime<C>(lagrange_at<C>(k.threshold, 0), base) == k.group_public_key)) {
    return fail(ErrorCode::kCorrupted, "verification shares of parties 1.." + std::to_string(k.threshold) +
                                           " do not interpolate to group_public_key");
  }
  if (k.parties == k.threshold) return ok();
  // Σ_{m>t} ρ_m·Y_m == Σ_{i≤t} (Σ_{m>t} ρ_m·λ_i(m))·Y_i for random ρ.
  OsRng rng;
  std::vector<S> rho, coeff(k.threshold, S::zero());
  for (uint32_t m = k.threshold + 1; m <= k.parties; ++m) {
    rho.push_back(S::random(rng));
    const auto lambda = lagrange_at<C>(k.threshold, m);
    for (uint32_t i = 0; i < k.threshold; ++i) coeff[i] = coeff[i] + rho.back() * lambda[i];
  }
  const std::span<const P> rest(ys.data() + k.threshold, k.parties - k.threshold);
  if (!(dkg::multi_mul_vartime<C>(rho, rest) == dkg::multi_mul_vartime<C>(coeff, base))) {
    return fail(ErrorCode::kCorrupted, "verification shares do not lie on one polynomial of degree " +
                                           std::to_string(k.threshold - 1));
  }
  return ok();
}

template <Curve C>
Result<dkg::KeyShare<C>> parse_share(boost::json::object& obj) {
  OKMPC_ASSIGN_OR_RETURN(std::string curve, auth::required_string(obj, "curve"));
  if (curve != C::kName) {
    return fail(ErrorCode::kInvalidEncoding, "curve is \"" + curve + "\", expected \"" + std::string(C::kName) + "\"");
  }
  dkg::KeyShare<C> k;
  OKMPC_ASSIGN_OR_RETURN(uint64_t parties, auth::required_uint(obj, "parties"));
  OKMPC_ASSIGN_OR_RETURN(uint64_t threshold, auth::required_uint(obj, "threshold"));
  OKMPC_ASSIGN_OR_RETURN(uint64_t index, auth::required_uint(obj, "index"));
  if (parties < 1 || parties > 255) return fail(ErrorCode::kInvalidEncoding, "\"parties\" must be 1..255");
  if (threshold < 1 || threshold > parties) {
    return fail(ErrorCode::kInvalidEncoding, "\"threshold\" must be 1..parties");
  }
  if (index < 1 || index > parties) return fail(ErrorCode::kInvalidEncoding, "\"index\" must be 1..parties");
  k.parties = static_cast<uint32_t>(parties);
  k.threshold = static_cast<uint32_t>(threshold);
  k.index = static_cast<uint32_t>(index);

  boost::json::value& secret_value = obj["secret_share"];
  if (!secret_value.is_string()) return fail(ErrorCode::kInvalidEncoding, "\"secret_share\" must be a string");
  boost::json::string& secret_hex = secret_value.as_string();
  auto secret_bytes = canonical_hex("secret_share", std::string_view(secret_hex.data(), secret_hex.size()),
                                    C::kScalarBytes);
  sodium_memzero(secret_hex.data(), secret_hex.size());
  if (!secret_bytes) return tl::unexpected<Error>(std::move(secret_bytes).error());
  auto secret = C::Scalar::from_bytes(*secret_bytes);
  sodium_memzero(secret_bytes->data(), secret_bytes->size());
  if (!secret) return fail(secret.error().code, "\"secret_share\": " + secret.error().message);
  k.secret_share = Secret<typename C::Scalar>(*secret);
  sodium_memzero(static_cast<void*>(&*secret), sizeof(*secret));

  OKMPC_ASSIGN_OR_RETURN(std::string gpk, auth::required_string(obj, "group_public_key"));
  OKMPC_ASSIGN_OR_RETURN(k.group_public_key, parse_point<C>("group_public_key", gpk));
  const boost::json::value& vs = obj["verification_shares"];
  if (!vs.is_array() || vs.as_array().size() != k.parties) {
    return fail(ErrorCode::kInvalidEncoding, "\"verification_shares\" must be an array of " +
                                                 std::to_string(k.parties) + " points");
  }
  for (size_t i = 0; i < k.parties; ++i) {
    const auto& v = vs.as_array()[i];
    const std::string field = "verification_shares[" + std::to_string(i + 1) + "]";
    if (!v.is_string()) return fail(ErrorCode::kInvalidEncoding, "\"" + field + "\" must be a string");
    OKMPC_ASSIGN_OR_RETURN(auto y, parse_point<C>(field, std::string_view(v.as_string().data(), v.as_string().size())));
    k.verification_shares.push_back(y);
  }
  OKMPC_TRY(check_consistency<C>(k));
  return k;
}

}  // namespace

Result<std::string> peek_curve(const std::filesystem::path& path) {
  auto text = read_file(path);
  if (!text) return in_file(path, std::move(text).error());
  auto obj = auth::parse_strict_object(*text);
  wipe(*text);
  if (!obj) return in_file(path, std::move(obj).error());
  if (auto* s = obj->if_contains("secret_share"); s && s->is_string()) {
    sodium_memzero(s->as_string().data(), s->as_string().size());
  }
  auto curve = auth::required_string(*obj, "curve");
  if (!curve) return in_file(path, std::move(curve).error());
  if (*curve != Secp256k1::kName && *curve != Ed25519::kName) {
    return in_file(path, Error(ErrorCode::kInvalidEncoding, "unknown curve \"" + *curve + "\""));
  }
  return *curve;
}

template <Curve C>
Result<dkg::KeyShare<C>> load_key_share(const std::filesystem::path& path) {
  auto text = read_file(path);
  if (!text) return in_file(path, std::move(text).error());
  auto obj = parse_object(*text);
  if (!obj) return in_file(path, std::move(obj).error());
  auto share = parse_share<C>(*obj);
  if (auto* s = obj->if_contains("secret_share"); s && s->is_string()) {
    sodium_memzero(s->as_string().data(), s->as_string().size());
  }
  if (!share) return in_file(path, std::move(share).error());
  return share;
}

template <Curve C>
std::string key_share_json(const dkg::KeyShare<C>& k) {
  auto secret = k.secret_share.expose().to_bytes();
  std::string out = "{\n  \"curve\": \"" + std::string(C::kName) + "\",\n  \"index\": " + std::to_string(k.index) +
                    ",\n  \"threshold\": " + std::to_string(k.threshold) + ",\n  \"parties\": " +
                    std::to_string(k.parties) + ",\n  \"secret_share\": \"";
  std::string secret_hex = to_hex(secret);
  out += secret_hex;
  wipe(secret_hex);
  sodium_memzero(secret.data(), secret.size());
  out += "\",\n  \"group_public_key\": \"" + to_hex(k.group_public_key.to_bytes()) +
         "\",\n  \"verification_shares\": [";
  for (size_t i = 0; i < k.verification_shares.size(); ++i) {
    out += (i ? ",\n    \"" : "\n    \"") + to_hex(k.verification_shares[i].to_bytes()) + "\"";
  }
  out += "\n  ]\n}\n";
  return out;
}

template <Curve C>
Status write_key_share(const std::filesystem::path& path, const dkg::KeyShare<C>& share, bool overwrite) {
  std::string text = key_share_json<C>(share);
  const std::filesystem::path target = overwrite ? std::filesystem::path(path.string() + ".tmp") : path;
  const int flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC;
  if (overwrite) ::unlink(target.c_str());  // a stale temporary from an interrupted run
  const int fd = ::open(target.c_str(), flags, 0600);
  if (fd < 0) {
    const int err = errno;
    wipe(text);
    if (err == EEXIST) return in_file(path, Error(ErrorCode::kAlreadyExists, "exists (use --force to overwrite)"));
    return in_file(path, Error(ErrorCode::kIo, std::string("cannot create: ") + std::strerror(err)));
  }
  bool good = ::fchmod(fd, 0600) == 0;
  for (size_t done = 0; good && done < text.size();) {
    const ssize_t w = ::write(fd, text.data() + done, text.size() - done);
    if (w < 0 && errno == EINTR) continue;
    good = w > 0;
    if (good) done += static_cast<size_t>(w);
  }
  good = good && ::fsync(fd) == 0;
  good = (::close(fd) == 0) && good;
  wipe(text);
  if (good && overwrite) good = ::rename(target.c_str(), path.c_str()) == 0;
  if (!good) {
    const int err = errno;
    ::unlink(target.c_str());
    return in_file(path, Error(ErrorCode::kIo, std::string("write failed: ") + std::strerror(err)));
  }
  return ok();
}

#define OKMPC_KEYSHARE_FILE_INSTANTIATE(C)                                                  \
  template Result<dkg::KeyShare<C>> load_key_share<C>(const std::filesystem::path&);       \
  template std::string key_share_json<C>(const dkg::KeyShare<C>&);                          \
  template Status write_key_share<C>(const std::filesystem::path&, const dkg::KeyShare<C>&, bool);

OKMPC_KEYSHARE_FILE_INSTANTIATE(Secp256k1)
OKMPC_KEYSHARE_FILE_INSTANTIATE(Ed25519)

}  // namespace okmpc::keyshare
