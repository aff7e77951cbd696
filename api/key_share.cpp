// KeyShare: accessors, deep copy and the versioned serialized form documented
// in include/okmpc/key_share.hpp. Loading is strict (mpc/codec.hpp decoding)
// and checks the share's consistency before anything else may use it.
#include "okmpc/key_share.hpp"

#include <sodium.h>

#include <numeric>

#include "api/internal_error.hpp"
#include "api/key_share_data.hpp"
#include "mpc/codec.hpp"
#include "mpc/lagrange.hpp"

namespace okmpc::api {
namespace {

constexpr std::array<uint8_t, 8> kMagic = {'O', 'K', 'M', 'P', 'C', '-', 'K', 'S'};
constexpr uint8_t kVersion = 1;
constexpr uint32_t kMaxSetupBytes = 16u << 20;

template <class F>
decltype(auto) visit_share(const KeyShareData& d, F&& f) {
  return std::visit(std::forward<F>(f), d.share);
}

template <okmpc::Curve C>
Bytes encode(const dkg::KeyShare<C>& key, const std::optional<ecdsa::EcdsaSetup>& setup) {
  SecretBytes setup_bytes = setup ? setup->serialize() : SecretBytes();
  Bytes out;
  // Reserved up front so no reallocation leaves copies of the secret behind.
  out.reserve(kMagic.size() + 2 + 12 + C::kScalarBytes + (key.parties + 1) * C::kPointBytes + 4 +
              setup_bytes.expose().size());
  append(out, kMagic);
  append_u8(out, kVersion);
  append_u8(out, static_cast<uint8_t>(std::is_same_v<C, Ed25519> ? Curve::kEd25519 : Curve::kSecp256k1));
  append_u32_be(out, key.threshold);
  append_u32_be(out, key.parties);
  append_u32_be(out, key.index);
  auto secret = key.secret_share.expose().to_bytes();
  append(out, secret);
  sodium_memzero(secret.data(), secret.size());
  append(out, key.group_public_key.to_bytes());
  for (const auto& p : key.verification_shares) append(out, p.to_bytes());
  append_u32_be(out, static_cast<uint32_t>(setup_bytes.expose().size()));
  append(out, setup_bytes.expose());
  return out;
}

// The share's invariants (protocols/dkg/key_share.hpp): the secret matches
// this party's verification share, and every verification share lies on the
// degree t-1 polynomial whose value at 0 is the group key — checked by
// interpolating {1..t-1, m} at 0 for every m in t..n.
template <okmpc::Curve C>
Status check_consistency(const dkg::KeyShare<C>& key) {
  if (!(C::Point::base_mul(key.secret_share.expose()) == key.verification_shares[key.index - 1])) {
    return make_error(okmpc::ErrorCode::kCorrupted, "key share: the secret share does not match its verification share");
  }
  std::vector<uint32_t> ids(key.threshold);
  std::iota(ids.begin(), ids.end(), 1u);
  for (uint32_t m = key.threshold; m <= key.parties; ++m) {
    ids.back() = m;
    auto lambdas = lagrange_coefficients<C>(ids);
    if (!lambdas) return to_public(lambdas.error());
    auto sum = C::Point::identity();
    for (size_t k = 0; k < ids.size(); ++k) {
      sum = sum + mul_vartime<C>((*lambdas)[k], key.verification_shares[ids[k] - 1]);
    }
    if (!(sum == key.group_public_key)) {
      return make_error(okmpc::ErrorCode::kCorrupted, "key share: verification share of party " + std::to_string(m) +
                                                          " is inconsistent with the group key");
    }
  }
  return {};
}

template <okmpc::Curve C>
Result<KeyShare> decode_rest(ByteReader& r, uint32_t t, uint32_t n, uint32_t index) {
  dkg::KeyShare<C> key;
  key.threshold = t;
  key.parties = n;
  key.index = index;
  {
    auto s = r.read_scalar<C>("secret share");
    if (!s) return to_public(s.error());
    key.secret_share = Secret<typename C::Scalar>(*s);
    sodium_memzero(static_cast<void*>(&*s), sizeof(*s));
  }
  auto group = r.read_point<C>("group public key");
  if (!group) return to_public(group.error());
  key.group_public_key = *group;
  for (uint32_t m = 1; m <= n; ++m) {
    auto y = r.read_point<C>("verification share");
    if (!y) return to_public(y.error());
    key.verification_shares.push_back(*y);
  }
  auto setup_len = r.read_u32("setup length");
  if (!setup_len) return to_public(setup_len.error());
  if (*setup_len > kMaxSetupBytes || (*setup_len != 0 && !std::is_same_v<C, Secp256k1>)) {
    return make_error(okmpc::ErrorCode::kInvalidEncoding, "key share: bad ECDSA setup length");
  }
  auto setup_bytes = r.read_bytes(*setup_len, "ecdsa setup");
  if (!setup_bytes) return to_public(setup_bytes.error());
  if (auto st = r.finish(); !st) return to_public(st.error());
  if (auto st = check_consistency<C>(key); !st) return st.error();
  auto data = std::make_unique<KeyShareData>();
  if (*setup_len != 0) {
    auto setup = ecdsa::EcdsaSetup::parse(*setup_bytes);
    if (!setup) return to_public(setup.error());
    if constexpr (std::is_same_v<C, Secp256k1>) {
      if (setup->self != index || !(setup->group_public_key == key.group_public_key) ||
          setup->pairs.size() != n - 1) {
        return make_error(okmpc::ErrorCode::kCorrupted, "key share: the ECDSA setup belongs to another key or party");
      }
    }
    data->ecdsa_setup.emplace(std::move(*setup));
  }
  data->share = std::move(key);
  return KeyShareAccess::make(std::move(data));
}

}  // namespace

ecdsa::EcdsaSetup clone_setup(const ecdsa::EcdsaSetup& setup) {
  ecdsa::EcdsaSetup out;
  out.self = setup.self;
  out.group_public_key = setup.group_public_key;
  for (const auto& [peer, pair] : setup.pairs) out.pairs.emplace(peer, pair.clone());
  return out;
}

KeyShare::KeyShare(std::unique_ptr<KeyShareData> data) : data_(std::move(data)) {}
KeyShare::KeyShare(KeyShare&&) noexcept = default;
KeyShare& KeyShare::operator=(KeyShare&&) noexcept = default;
KeyShare::~KeyShare() = default;

Curve KeyShare::curve() const {
  return std::holds_alternative<dkg::KeyShare<Ed25519>>(data_->share) ? Curve::kEd25519 : Curve::kSecp256k1;
}
uint32_t KeyShare::index() const {
  return visit_share(*data_, [](const auto& k) { return k.index; });
}
uint32_t KeyShare::threshold() const {
  return visit_share(*data_, [](const auto& k) { return k.threshold; });
}
uint32_t KeyShare::parties() const {
  return visit_share(*data_, [](const auto& k) { return k.parties; });
}
std::vector<uint8_t> KeyShare::group_public_key() const {
  return visit_share(*data_, [](const auto& k) {
    const auto b = k.group_public_key.to_bytes();
    return std::vector<uint8_t>(b.begin(), b.end());
  });
}
std::vector<uint8_t> KeyShare::verification_share(uint32_t party) const {
  return visit_share(*data_, [party](const auto& k) {
    if (party < 1 || party > k.verification_shares.size()) return std::vector<uint8_t>{};
    const auto b = k.verification_shares[party - 1].to_bytes();
    return std::vector<uint8_t>(b.begin(), b.end());
  });
}
bool KeyShare::has_ecdsa_setup() const { return data_->ecdsa_setup.has_value(); }

KeyShare KeyShare::clone() const {
  auto data = std::make_unique<KeyShareData>();
  std::visit([&](const auto& k) { data->share = k.clone(); }, data_->share);
  if (data_->ecdsa_setup) data->ecdsa_setup.emplace(clone_setup(*data_->ecdsa_setup));
  return KeyShare(std::move(data));
}

std::vector<uint8_t> KeyShare::serialize() const {
  return visit_share(*data_, [this](const auto& k) { return encode(k, data_->ecdsa_setup); });
}

Result<KeyShare> KeyShare::deserialize(std::span<const uint8_t> bytes) {
  ByteReader r(bytes, "key share");
  auto magic = r.read_array<8>("magic");
  if (!magic) return to_public(magic.error());
  if (*magic != kMagic) return make_error(okmpc::ErrorCode::kInvalidEncoding, "key share: bad magic");
  auto version = r.read_u8("version");
  if (!version) return to_public(version.error());
  if (*version != kVersion) {
    return make_error(okmpc::ErrorCode::kInvalidEncoding, "key share: unsupported version " + std::to_string(*version));
  }
  auto curve = r.read_u8("curve");
  auto t = r.read_u32("threshold");
  auto n = r.read_u32("parties");
  auto index = r.read_u32("index");
  if (!curve || !t || !n || !index) return make_error(okmpc::ErrorCode::kInvalidEncoding, "key share: truncated header");
  if (*n < 1 || *n > 255 || *t < 1 || *t > *n || *index < 1 || *index > *n) {
    return make_error(okmpc::ErrorCode::kInvalidEncoding, "key share: need 1 <= threshold <= parties <= 255 and "
                                                          "1 <= index <= parties");
  }
  switch (*curve) {
    case static_cast<uint8_t>(Curve::kSecp256k1): return decode_rest<Secp256k1>(r, *t, *n, *index);
    case static_cast<uint8_t>(Curve::kEd25519): return decode_rest<Ed25519>(r, *t, *n, *index);
    default: return make_error(okmpc::ErrorCode::kInvalidEncoding, "key share: unknown curve " + std::to_string(*curve));
  }
}

}  // namespace okmpc::api
