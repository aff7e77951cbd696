// secp256k1 points on libsecp256k1's public API, plus the identity, which the
// library cannot represent (it returns 0 wherever a result would be infinity).
//
// Constant-time s·P: secp256k1_ec_pubkey_tweak_mul runs the variable-time
// secp256k1_ecmult (the library documents tweaks as public), so s·P goes
// through secp256k1_ecdh, whose ecmult_const is constant time, with a "hash"
// that returns the raw coordinates.
//
// Public-data batch operations (mul_vartime, double_mul_vartime, sum,
// multi_mul_vartime, eval_poly_vartime) run on okmpc's native variable-time
// arithmetic (mpc/secp256k1_msm.hpp): the library's public API has neither
// projective points nor multi-scalar multiplication. Points cross over by
// secp256k1_vartime::from_pubkey (the key's storage, once its layout is
// confirmed, else the 65-byte encoding) and back through
// secp256k1_ec_pubkey_parse of the 65-byte encoding.
#include <secp256k1_ecdh.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "mpc/ctime.hpp"
#include "mpc/secp256k1.hpp"
#include "mpc/secp256k1_base.hpp"
#include "mpc/secp256k1_msm.hpp"

namespace okmpc {

const secp256k1_context* secp256k1_ctx() {
  static const secp256k1_context* const ctx = [] {
    if (sodium_init() < 0) std::abort();
    secp256k1_context* c = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
    if (c == nullptr) std::abort();
    ByteArray<32> seed;
    randombytes_buf(seed.data(), seed.size());
    if (secp256k1_context_randomize(c, seed.data()) != 1) std::abort();
    sodium_memzero(seed.data(), seed.size());
    return c;
  }();
  return ctx;
}

namespace {

// Scalar bytes that libsecp256k1 accepts as a key/tweak: s, or 1 when s = 0
// (libsecp256k1 rejects a zero key); the caller then forces the identity.
ByteArray<32> nonzero_key_bytes(const Secp256k1::Scalar& s) {
  return Secp256k1::Scalar::select(s.is_zero(), s, Secp256k1::Scalar::one()).to_bytes();
}

}  // namespace

Secp256k1::Point Secp256k1::Point::from_raw(const secp256k1_pubkey& pk) {
  Point p;
  p.pk_ = pk;
  p.identity_ = false;
  return p;
}

Secp256k1::Point Secp256k1::Point::generator() {
  static const Point g = base_mul(Scalar::one());  // computed once per process
  return g;
}

Result<Secp256k1::Point> Secp256k1::Point::from_bytes(ByteView bytes) {
  if (bytes.size() == 33) {
    if (sodium_is_zero(bytes.data(), bytes.size())) {
      return fail(ErrorCode::kInvalidPoint, "secp256k1 point: the identity is not accepted");
    }
    if (bytes[0] != 0x02 && bytes[0] != 0x03) {
      return fail(ErrorCode::kInvalidEncoding,
                  "secp256k1 point: compressed encoding must start with 02 or 03");
    }
  } else if (bytes.size() == 65) {
    if (bytes[0] != 0x04) {
      return fail(ErrorCode::kInvalidEncoding,
                  "secp256k1 point: uncompressed encoding must start with 04 (hybrid 06/07 rejected)");
    }
  } else {
    return fail(ErrorCode::kInvalidEncoding,
                "secp256k1 point: expected 33 or 65 bytes, got " + std::to_string(bytes.size()));
  }
  Point p;
  if (secp256k1_ec_pubkey_parse(secp256k1_ctx(), &p.pk_, bytes.data(), bytes.size()) != 1) {
    return fail(ErrorCode::kInvalidPoint, "secp256k1 point: not on the curve (or coordinate >= p)");
  }
  p.identity_ = false;
  return p;
}

ByteArray<33> Secp256k1::Point::to_bytes() const {
  ByteArray<33> out{};
  if (identity_) return out;
  size_t len = out.size();
  secp256k1_ec_pubkey_serialize(secp256k1_ctx(), out.data(), &len, &pk_, SECP256K1_EC_COMPRESSED);
  return out;
}

ByteArray<65> Secp256k1::Point::to_bytes_uncompressed() const {
  ByteArray<65> out{};
  if (identity_) return out;
  size_t len = out.size();
  secp256k1_ec_pubkey_serialize(secp256k1_ctx(), out.data(), &len, &pk_, SECP256K1_EC_UNCOMPRESSED);
  return out;
}

const secp256k1_pubkey& Secp256k1::Point::raw() const {
  assert(!identity_ && "Secp256k1::Point::raw() called on the identity");
  return pk_;
}

Secp256k1::Point operator+(const Secp256k1::Point& p, const Secp256k1::Point& q) {
  if (p.identity_) return q;
  if (q.identity_) return p;
  const secp256k1_pubkey* ins[2] = {&p.pk_, &q.pk_};
  Secp256k1::Point r;
  if (secp256k1_ec_pubkey_combine(secp256k1_ctx(), &r.pk_, ins, 2) == 1) {
    r.identity_ = false;
  } else {
    r = Secp256k1::Point::identity();  // q = -p
  }
  return r;
}

Secp256k1::Point Secp256k1::Point::operator-() const {
  Point r = *this;
  if (!r.identity_) {
    int ok = secp256k1_ec_pubkey_negate(secp256k1_ctx(), &r.pk_);
    assert(ok == 1);
    (void)ok;
  }
  return r;
}

Secp256k1::Point operator-(const Secp256k1::Point& p, const Secp256k1::Point& q) { return p + (-q); }

namespace {

// secp256k1_ecdh "hash" that outputs the uncompressed point 04‖X‖Y.
int uncompressed_point_of(unsigned char* out, const unsigned char* x32, const unsigned char* y32,
                          void* /*data*/) {
  out[0] = 0x04;
  std::copy(x32, x32 + 32, out + 1);
  std::copy(y32, y32 + 32, out + 33);
  return 1;
}

}  // namespace

Secp256k1::Point operator*(const Secp256k1::Scalar& s, const Secp256k1::Point& p) {
  if (p.identity_) return p;
  const bool zero = s.is_zero();
  ByteArray<32> key = nonzero_key_bytes(s);
  ByteArray<65> xy;
  int ok = secp256k1_ecdh(secp256k1_ctx(), xy.data(), &p.pk_, key.data(), uncompressed_point_of, nullptr);
  sodium_memzero(key.data(), key.size());
  assert(ok == 1);  // key is in [1, n); a prime-order group has no nonzero k with k·P = O
  Secp256k1::Point r;
  ok &= secp256k1_ec_pubkey_parse(secp256k1_ctx(), &r.pk_, xy.data(), xy.size());
  sodium_memzero(xy.data(), xy.size());
  assert(ok == 1);
  (void)ok;
  r.identity_ = zero;
  if (zero) r.pk_ = secp256k1_pubkey{};
  return r;
}

bool operator==(const Secp256k1::Point& p, const Secp256k1::Point& q) {
  if (p.identity_ || q.identity_) return p.identity_ == q.identity_;
  return secp256k1_ec_pubkey_cmp(secp256k1_ctx(), &p.pk_, &q.pk_) == 0;
}

namespace {

namespace native = secp256k1_vartime;

native::Affine affine_of(const Secp256k1::Point& p) {
  return p.is_identity() ? native::Affine{} : native::from_pubkey(p.raw());
}

Secp256k1::Point point_of(const native::Affine& a) {
  if (a.infinity) return Secp256k1::Point::identity();
  secp256k1_pubkey pk;
  const bool ok = native::to_pubkey(a, pk);
  assert(ok);  // the group law keeps points on the curve
  (void)ok;
  return Secp256k1::Point::from_raw(pk);
}

Secp256k1::Point point_of(const native::Jacobian& j) { return point_of(native::to_affine(j)); }

// out[i] = k_i·G for nonzero k_i, as libsecp256k1 keys, with one shared
// constant-time inversion; `projective` and `affine` are scratch space of
// ks.size() entries (stack arrays for one or two products, vectors for a
// batch). The products leave constant-time code here: the key is built by
// encoding and parsing (variable time), so each affine product is
// declassified first (mpc/ctime.hpp) — base_mul's results are public by
// contract (mpc/secp256k1.hpp).
void base_mul_nonzero(std::span<const Secp256k1::Scalar> ks, std::span<secp256k1_base::Projective> projective,
                      std::span<native::Affine> affine, std::span<Secp256k1::Point> out) {
  for (size_t i = 0; i < ks.size(); ++i) projective[i] = secp256k1_base::base_mul_projective(ks[i]);
  secp256k1_base::to_affine_batch(projective, affine);
  sodium_memzero(projective.data(), projective.size_bytes());
  for (size_t i = 0; i < ks.size(); ++i) {
    declassify(affine[i]);
    out[i] = point_of(affine[i]);
  }
}

template <size_t N>
std::array<Secp256k1::Point, N> base_mul_nonzero(const std::array<Secp256k1::Scalar, N>& ks) {
  std::array<secp256k1_base::Projective, N> projective;
  std::array<native::Affine, N> affine;
  std::array<Secp256k1::Point, N> out;
  base_mul_nonzero(ks, projective, affine, out);
  return out;
}

// s, or 1 when s = 0 (no branch); the caller then forces the identity.
Secp256k1::Scalar nonzero_scalar(const Secp256k1::Scalar& s) {
  return Secp256k1::Scalar::select(s.is_zero(), s, Secp256k1::Scalar::one());
}

}  // namespace

void Secp256k1::Point::make_identity_if(bool flag) {
  // Without a branch on flag: the key bytes are masked to zero (the
  // identity's representation) and the flag is copied.
  const uint8_t keep = static_cast<uint8_t>(static_cast<uint8_t>(flag) - 1);  // 0xff unless flag
  for (unsigned char& byte : pk_.data) byte &= keep;
  identity_ = flag;
}

Secp256k1::Point Secp256k1::Point::base_mul(const Scalar& s) {
  Point p = base_mul_nonzero<1>({nonzero_scalar(s)})[0];
  p.make_identity_if(s.is_zero());
  return p;
}

std::array<Secp256k1::Point, 2> Secp256k1::Point::base_mul_pair(const Scalar& a, const Scalar& b) {
  std::array<Point, 2> out = base_mul_nonzero<2>({nonzero_scalar(a), nonzero_scalar(b)});
  out[0].make_identity_if(a.is_zero());
  out[1].make_identity_if(b.is_zero());
  return out;
}

std::vector<Secp256k1::Point> Secp256k1::Point::base_mul_batch(std::span<const Scalar> scalars) {
  std::vector<Scalar> nonzero(scalars.size());
  for (size_t i = 0; i < scalars.size(); ++i) nonzero[i] = nonzero_scalar(scalars[i]);
  std::vector<secp256k1_base::Projective> projective(scalars.size());
  std::vector<native::Affine> affine(scalars.size());
  std::vector<Point> out(scalars.size());
  base_mul_nonzero(nonzero, projective, affine, out);
  for (size_t i = 0; i < scalars.size(); ++i) out[i].make_identity_if(scalars[i].is_zero());
  sodium_memzero(nonzero.data(), nonzero.size() * sizeof(Scalar));
  return out;
}

Secp256k1::Point Secp256k1::Point::base_mul_add_if(const Scalar& a, const Point& b, bool add) {
  secp256k1_base::Projective acc = secp256k1_base::base_mul_projective(a);  // identity for a = 0
  if (!b.identity_) {  // public
    const native::Affine pb = affine_of(b);
    const secp256k1_base::Projective sum = secp256k1_base::add_mixed(acc, pb.x, pb.y);
    const uint64_t mask = 0 - static_cast<uint64_t>(add);
    native::fe_cmov(acc.x, sum.x, mask);
    native::fe_cmov(acc.y, sum.y, mask);
    native::fe_cmov(acc.z, sum.z, mask);
  }
  std::array<native::Affine, 1> affine;
  secp256k1_base::to_affine_batch(std::span<const secp256k1_base::Projective>(&acc, 1), affine);
  sodium_memzero(&acc, sizeof(acc));
  declassify(affine[0]);  // the published result
  // The identity (Z = 0) comes out as (0, 0), which is not on the curve.
  if (affine[0].x.is_zero() && affine[0].y.is_zero()) return identity();
  return point_of(affine[0]);
}

Secp256k1::Point Secp256k1::Point::mul_vartime(const Scalar& s, const Point& p) {
  // A single term: libsecp256k1's ecmult (tweak_mul) measured faster than
  // the native Strauss at n = 1 (bench/secp256k1_msm_bench.cpp); the native
  // code wins from two terms on, where the doublings are shared.
  if (p.identity_ || s.is_zero()) return identity();
  const ByteArray<32> tweak = s.to_bytes();
  Point r = p;
  int ok = secp256k1_ec_pubkey_tweak_mul(secp256k1_ctx(), &r.pk_, tweak.data());
  assert(ok == 1);  // tweak is in [1, n)
  (void)ok;
  return r;
}

Secp256k1::Point Secp256k1::Point::double_mul_vartime(const Scalar& a, const Scalar& b, const Point& p) {
  const native::Affine pa = affine_of(p);
  return point_of(native::strauss_vartime(std::span<const Scalar>(&b, 1), std::span<const native::Affine>(&pa, 1), &a));
}

Secp256k1::Point Secp256k1::Point::sum(std::span<const Point> points) {
  native::Jacobian acc;
  for (const Point& p : points) {
    if (!p.identity_) acc = native::add_mixed(acc, native::from_pubkey(p.pk_));
  }
  return point_of(acc);
}

Result<Secp256k1::Point> Secp256k1::Point::from_bytes_vartime(ByteView bytes) {
  if (bytes.size() != 65 || bytes[0] != 0x04) return from_bytes(bytes);
  const auto x = native::fe_from_bytes(std::span<const uint8_t, 32>(bytes.data() + 1, 32));
  const auto y = native::fe_from_bytes(std::span<const uint8_t, 32>(bytes.data() + 33, 32));
  native::Affine a;
  secp256k1_pubkey pk;
  if (x && y) {
    a.x = *x;
    a.y = *y;
    a.infinity = false;
  }
  if (a.infinity || !native::to_pubkey(a, pk)) {
    return fail(ErrorCode::kInvalidPoint, "secp256k1 point: not on the curve (or coordinate >= p)");
  }
  return from_raw(pk);
}

std::vector<Secp256k1::Point> Secp256k1::Point::sum_columns_vartime(std::span<const std::span<const Point>> rows,
                                                                   size_t width) {
  // Column-major working buffer: column k is entries [k·rows, (k+1)·rows).
  std::vector<native::Affine> points(width * rows.size());
  std::vector<size_t> offsets(width + 1);
  for (size_t k = 0; k <= width; ++k) offsets[k] = k * rows.size();
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t k = 0; k < width; ++k) points[k * rows.size() + r] = affine_of(rows[r][k]);
  }
  const std::vector<native::Affine> sums = native::sum_groups(std::move(points), offsets);
  std::vector<Point> out;
  out.reserve(width);
  for (const native::Affine& a : sums) out.push_back(point_of(a));
  return out;
}

Secp256k1::Point Secp256k1::Point::multi_mul_vartime(std::span<const Scalar> scalars,
                                                     std::span<const Point> points) {
  const size_t n = std::min(scalars.size(), points.size());
  const native::Affine& g = native::generator_affine();
  // G's coefficients are gathered into one term that uses the fixed G table.
  Scalar g_scalar;
  std::vector<Scalar> ks;
  std::vector<native::Affine> ps;
  ks.reserve(n);
  ps.reserve(n);
  size_t last = 0;  // index of the last non-G term
  for (size_t i = 0; i < n; ++i) {
    if (scalars[i].is_zero() || points[i].identity_) continue;
    const native::Affine a = native::from_pubkey(points[i].pk_);
    if (a == g) {
      g_scalar += scalars[i];
    } else {
      ks.push_back(scalars[i]);
      ps.push_back(a);
      last = i;
    }
  }
  if (ks.size() == 1 && g_scalar.is_zero()) return mul_vartime(ks[0], points[last]);
  return point_of(native::msm_vartime(ks, ps, &g_scalar));
}

std::vector<Secp256k1::Point> Secp256k1::Point::eval_poly_vartime(std::span<const Point> coeffs,
                                                                 std::span<const uint32_t> xs) {
  std::vector<native::Affine> cs;
  cs.reserve(coeffs.size());
  for (const Point& c : coeffs) cs.push_back(affine_of(c));
  const std::vector<native::Affine> values = native::eval_poly_vartime(cs, xs);
  std::vector<Point> out;
  out.reserve(values.size());
  for (const native::Affine& v : values) out.push_back(point_of(v));
  return out;
}

}  // namespace okmpc
