// Native secp256k1 group law and multi-scalar multiplication
// (mpc/secp256k1_group.hpp, mpc/secp256k1_msm.hpp) and the Secp256k1::Point
// operations built on them, every result cross-checked against libsecp256k1
// called directly (pubkey_create, tweak_mul, combine).
#include <gtest/gtest.h>
#include <secp256k1.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <vector>

#include "mpc/hex.hpp"
#include "mpc/rng.hpp"
#include "mpc/secp256k1.hpp"
#include "mpc/secp256k1_msm.hpp"

namespace okmpc {
namespace {

using Scalar = Secp256k1::Scalar;
using Point = Secp256k1::Point;
namespace native = secp256k1_vartime;

// The reference: libsecp256k1's public API only. nullopt is the identity.
using RefPoint = std::optional<secp256k1_pubkey>;

RefPoint ref_of(const Point& p) {
  if (p.is_identity()) return std::nullopt;
  return p.raw();
}

RefPoint ref_mul(const Scalar& s, const RefPoint& p) {
  if (!p || s.is_zero()) return std::nullopt;
  secp256k1_pubkey r = *p;
  const ByteArray<32> b = s.to_bytes();
  EXPECT_EQ(secp256k1_ec_pubkey_tweak_mul(secp256k1_ctx(), &r, b.data()), 1);
  return r;
}

RefPoint ref_sum(const std::vector<RefPoint>& terms) {
  std::vector<const secp256k1_pubkey*> ins;
  for (const RefPoint& t : terms) {
    if (t) ins.push_back(&*t);
  }
  if (ins.empty()) return std::nullopt;
  secp256k1_pubkey r;
  if (secp256k1_ec_pubkey_combine(secp256k1_ctx(), &r, ins.data(), ins.size()) != 1) return std::nullopt;
  return r;
}

RefPoint ref_msm(std::span<const Scalar> s, std::span<const Point> p) {
  std::vector<RefPoint> terms;
  for (size_t i = 0; i < s.size(); ++i) terms.push_back(ref_mul(s[i], ref_of(p[i])));
  return ref_sum(terms);
}

// Compressed encoding, 33 zero bytes for the identity (Point's convention).
ByteArray<33> enc(const RefPoint& p) {
  ByteArray<33> out{};
  if (!p) return out;
  size_t len = out.size();
  EXPECT_EQ(secp256k1_ec_pubkey_serialize(secp256k1_ctx(), out.data(), &len, &*p, SECP256K1_EC_COMPRESSED), 1);
  return out;
}

ByteArray<33> enc(const native::Jacobian& j) {
  const native::Affine a = native::to_affine(j);
  EXPECT_TRUE(native::on_curve(a));
  if (a.infinity) return ByteArray<33>{};
  secp256k1_pubkey pk;
  EXPECT_TRUE(native::to_pubkey(a, pk));
  return enc(RefPoint(pk));
}

Point random_point(Rng& rng) { return Point::base_mul(Scalar::random(rng)); }

std::vector<native::Affine> affines(std::span<const Point> ps) {
  std::vector<native::Affine> out;
  for (const Point& p : ps) out.push_back(p.is_identity() ? native::Affine{} : native::from_pubkey(p.raw()));
  return out;
}

// Every MSM path (Point::multi_mul_vartime, native Strauss, native
// Pippenger) against the libsecp256k1 reference. Strauss is skipped above
// 256 terms (the slow path there; keeps the sanitizer build fast).
void expect_msm_matches(std::span<const Scalar> s, std::span<const Point> p) {
  const ByteArray<33> want = enc(ref_msm(s, p));
  EXPECT_EQ(Point::multi_mul_vartime(s, p).to_bytes(), want);
  const std::vector<native::Affine> a = affines(p);
  if (s.size() <= 256) {
    EXPECT_EQ(enc(native::strauss_vartime(s, a)), want);
  }
  EXPECT_EQ(enc(native::pippenger_vartime(s, a)), want);
}

TEST(Secp256k1Group, DoublingAdditionAndNormalisation) {
  DeterministicRng rng(uint64_t{0x6A0});
  for (int i = 0; i < 20; ++i) {
    const Point P = random_point(rng), Q = random_point(rng);
    const native::Affine a = native::from_pubkey(P.raw()), b = native::from_pubkey(Q.raw());
    ASSERT_TRUE(native::on_curve(a));
    const native::Jacobian ja = native::to_jacobian(a), jb = native::to_jacobian(b);
    const RefPoint sum = ref_sum({ref_of(P), ref_of(Q)});
    EXPECT_EQ(enc(native::add(ja, jb)), enc(sum));
    EXPECT_EQ(enc(native::add_mixed(ja, b)), enc(sum));
    EXPECT_EQ(enc(native::dbl(ja)), enc(ref_mul(Scalar::from_u64(2), ref_of(P))));
    // Doubling inside add: a non-normalised Jacobian 2P plus 2P and plus P.
    const native::Jacobian j2 = native::dbl(ja);
    EXPECT_EQ(enc(native::add(j2, j2)), enc(ref_mul(Scalar::from_u64(4), ref_of(P))));
    EXPECT_EQ(enc(native::add_mixed(native::add(j2, native::negate(ja)), a)),
              enc(ref_mul(Scalar::from_u64(2), ref_of(P))));
    // P + (-P) in both forms is the identity; identity operands pass through.
    EXPECT_TRUE(native::add(ja, native::negate(ja)).infinity);
    EXPECT_TRUE(native::add_mixed(j2, native::negate(native::to_affine(j2))).infinity);
    EXPECT_EQ(enc(native::add(native::Jacobian{}, jb)), enc(ref_of(Q)));
    EXPECT_EQ(enc(native::add_mixed(native::Jacobian{}, b)), enc(ref_of(Q)));
    EXPECT_EQ(enc(native::add_mixed(ja, native::Affine{})), enc(ref_of(P)));
    EXPECT_TRUE(native::dbl(native::Jacobian{}).infinity);
    // Batch normalisation equals one-by-one normalisation, identities kept.
    const std::vector<native::Jacobian> js = {j2, native::Jacobian{}, native::add(ja, jb), ja};
    std::vector<native::Affine> out(js.size());
    native::batch_to_affine(js, out);
    for (size_t k = 0; k < js.size(); ++k) EXPECT_EQ(out[k], native::to_affine(js[k]));
    EXPECT_TRUE(out[1].infinity);
  }
}

TEST(Secp256k1Group, GeneratorAndPubkeyRoundTrip) {
  const native::Affine& g = native::generator_affine();
  EXPECT_TRUE(native::on_curve(g));
  EXPECT_EQ(g, native::from_pubkey(Point::generator().raw()));
  secp256k1_pubkey pk;
  ASSERT_TRUE(native::to_pubkey(g, pk));
  EXPECT_EQ(Point::from_raw(pk), Point::generator());
  EXPECT_FALSE(native::to_pubkey(native::Affine{}, pk));
  native::Affine off = g;
  off.y = native::fe_add(off.y, native::fe_from_u64(1));
  EXPECT_FALSE(native::on_curve(off));
  EXPECT_FALSE(native::to_pubkey(off, pk));  // libsecp256k1 re-checks the curve equation
}

// from_pubkey reads the key's storage directly once that layout is
// confirmed; either way it must give the coordinates libsecp256k1
// serializes, for keys made by every route (create, parse, negate, combine).
TEST(Secp256k1Group, FromPubkeyMatchesTheSerializedCoordinates) {
  DeterministicRng rng(uint64_t{0xF20});
  auto coordinates_of = [](const secp256k1_pubkey& pk) {
    ByteArray<65> buf{};
    size_t len = buf.size();
    EXPECT_EQ(secp256k1_ec_pubkey_serialize(secp256k1_ctx(), buf.data(), &len, &pk, SECP256K1_EC_UNCOMPRESSED), 1);
    native::Affine a;
    a.x = *native::fe_from_bytes(std::span<const uint8_t, 32>(buf.data() + 1, 32));
    a.y = *native::fe_from_bytes(std::span<const uint8_t, 32>(buf.data() + 33, 32));
    a.infinity = false;
    return a;
  };
  for (int i = 0; i < 50; ++i) {
    const Point P = random_point(rng), Q = random_point(rng);
    for (const Point& R : {P, -P, P + Q, *Point::from_bytes(P.to_bytes())}) {
      EXPECT_EQ(native::from_pubkey(R.raw()), coordinates_of(R.raw()));
    }
  }
}

TEST(Secp256k1Msm, RandomInputsOfManySizes) {
  DeterministicRng rng(uint64_t{0x3537});
  for (size_t n : {0u, 1u, 2u, 3u, 7u, 64u, 200u, 1000u}) {
    SCOPED_TRACE(n);
    std::vector<Scalar> s;
    std::vector<Point> p;
    for (size_t i = 0; i < n; ++i) {
      s.push_back(Scalar::random(rng));
      p.push_back(random_point(rng));
    }
    expect_msm_matches(s, p);
  }
}

TEST(Secp256k1Msm, EdgeCases) {
  DeterministicRng rng(uint64_t{0xED6E});
  const Point P = random_point(rng), Q = random_point(rng), G = Point::generator();
  const Scalar a = Scalar::random(rng), b = Scalar::random(rng);
  const Scalar n_minus_1 = Scalar::zero() - Scalar::one();
  const Scalar z = Scalar::zero(), one = Scalar::one();
  const Point O = Point::identity();
  const Scalar lambda = Scalar::from_limbs_unchecked(
      {0xDF02967C1B23BD72ULL, 0x122E22EA20816678ULL, 0xA5261C028812645AULL, 0x5363AD4CC05C30E0ULL});
  const Scalar two128 = Scalar::from_limbs_unchecked({0, 0, 1, 0});
  struct Case {
    const char* name;
    std::vector<Scalar> s;
    std::vector<Point> p;
  };
  const std::vector<Case> cases = {
      {"zero scalars", {z, z, z}, {P, Q, G}},
      {"identity points", {a, b}, {O, O}},
      {"mixed zero and identity", {a, z, b}, {O, P, Q}},
      {"P + (-P)", {a, a}, {P, -P}},
      {"a·P + (n-a)·P", {a, -a}, {P, P}},
      {"repeated points", {a, b, a, one}, {P, P, P, P}},
      {"equal terms double inside add", {a, a, a, a}, {P, P, P, P}},
      {"n-1 scalars", {n_minus_1, n_minus_1, n_minus_1}, {P, Q, G}},
      {"n-1 times G is -G", {n_minus_1}, {G}},
      {"G among the points", {a, b, one}, {G, P, G}},
      {"G alone", {b}, {G}},
      {"small scalars", {one, Scalar::from_u64(2), Scalar::from_u64(3)}, {P, P, Q}},
      // Scalars at the GLV split's corners: λ itself (k1 = 0), −λ, 2^128 ± 1,
      // n − 2^128 (negative halves), and with G's fixed table.
      {"GLV corners", {lambda, -lambda, two128, two128 - one, -two128}, {P, Q, P, G, Q}},
      {"GLV corners on G", {two128 + one}, {G}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    expect_msm_matches(c.s, c.p);
  }
  EXPECT_TRUE(Point::multi_mul_vartime(std::vector<Scalar>{a, a}, std::vector<Point>{P, -P}).is_identity());
  // The same cancellations at Pippenger sizes: 200 copies of a·P and a·(-P).
  std::vector<Scalar> s(400, a);
  std::vector<Point> p;
  for (int i = 0; i < 200; ++i) {
    p.push_back(P);
    p.push_back(-P);
  }
  EXPECT_TRUE(Point::multi_mul_vartime(s, p).is_identity());
  EXPECT_TRUE(native::pippenger_vartime(s, affines(p)).infinity);
}

// Scalars below 2^128 (the DKG's batch weights) and their negations are one
// short term each, without the GLV split; Pippenger then runs ~128-bit
// windows. Mixed with full scalars, 2^128 − 1 and G, at Strauss and
// Pippenger sizes, and all short.
TEST(Secp256k1Msm, ShortAndNegatedShortScalars) {
  DeterministicRng rng(uint64_t{0x5407});
  const Scalar max_short = Scalar::from_limbs_unchecked({~uint64_t{0}, ~uint64_t{0}, 0, 0});
  for (bool all_short : {false, true}) {
    for (size_t n : {3u, 150u}) {
      SCOPED_TRACE(testing::Message() << "n = " << n << (all_short ? ", all short" : ", mixed"));
      std::vector<Scalar> s;
      std::vector<Point> p;
      for (size_t i = 0; i < n; ++i) {
        const Scalar w = Scalar::reduce(rng.bytes<16>());
        const size_t kind = all_short ? i % 2 : i % 4;
        s.push_back(kind == 0 ? w : kind == 1 ? -w : kind == 2 ? Scalar::random(rng) : max_short);
        p.push_back(i % 5 == 4 ? Point::generator() : random_point(rng));
      }
      expect_msm_matches(s, p);
    }
  }
}

TEST(Secp256k1Msm, ExtraEntriesAreIgnored) {
  DeterministicRng rng(uint64_t{0xE87A});
  const std::vector<Scalar> s = {Scalar::random(rng), Scalar::random(rng), Scalar::random(rng)};
  const std::vector<Point> p = {random_point(rng), random_point(rng)};
  EXPECT_EQ(Point::multi_mul_vartime(s, p).to_bytes(), enc(ref_msm(std::span(s).first(2), p)));
}

TEST(Secp256k1Msm, GeneratorTermThroughTheFixedTable) {
  DeterministicRng rng(uint64_t{0x6E7});
  for (int i = 0; i < 10; ++i) {
    const Scalar a = Scalar::random(rng), b = Scalar::random(rng);
    const Point P = random_point(rng);
    const RefPoint want = ref_sum({ref_of(Point::base_mul(a)), ref_mul(b, ref_of(P))});
    EXPECT_EQ(Point::double_mul_vartime(a, b, P).to_bytes(), enc(want));
    const native::Affine pa = native::from_pubkey(P.raw());
    EXPECT_EQ(enc(native::pippenger_vartime(std::span(&b, 1), std::span(&pa, 1), &a)), enc(want));
  }
  const Point P = random_point(rng);
  const Scalar b = Scalar::random(rng);
  EXPECT_EQ(Point::double_mul_vartime(Scalar::zero(), b, P), Point::mul_vartime(b, P));
  EXPECT_EQ(Point::double_mul_vartime(b, Scalar::zero(), P), Point::base_mul(b));
  EXPECT_EQ(Point::double_mul_vartime(b, Scalar::random(rng), Point::identity()), Point::base_mul(b));
  EXPECT_TRUE(Point::double_mul_vartime(b, -b, Point::generator()).is_identity());
}

TEST(Secp256k1Point, MulVartimeMatchesTweakMulAndConstantTimeMul) {
  DeterministicRng rng(uint64_t{0x7EA});
  for (int i = 0; i < 20; ++i) {
    const Scalar s = i == 0 ? Scalar::zero() - Scalar::one() : Scalar::random(rng);
    const Point P = i == 1 ? Point::generator() : random_point(rng);
    EXPECT_EQ(Point::mul_vartime(s, P).to_bytes(), enc(ref_mul(s, ref_of(P))));
    EXPECT_EQ(Point::mul_vartime(s, P), s * P);
  }
  EXPECT_TRUE(Point::mul_vartime(Scalar::zero(), Point::generator()).is_identity());
  EXPECT_TRUE(Point::mul_vartime(Scalar::one(), Point::identity()).is_identity());
  EXPECT_EQ(Point::mul_vartime(Scalar::one(), Point::generator()), Point::generator());
}

TEST(Secp256k1Point, SumMatchesCombine) {
  DeterministicRng rng(uint64_t{0x5F3});
  const Point P = random_point(rng), Q = random_point(rng), O = Point::identity();
  const std::vector<std::vector<Point>> cases = {
      {}, {O}, {P}, {O, P, O}, {P, Q}, {P, -P}, {P, P}, {P, P, P}, {P, Q, -P, -Q}, {P, -P, Q}, {Q, P, P, -P},
  };
  for (const auto& c : cases) {
    std::vector<RefPoint> refs;
    for (const Point& p : c) refs.push_back(ref_of(p));
    EXPECT_EQ(Point::sum(c).to_bytes(), enc(ref_sum(refs)));
  }
  std::vector<Point> many;
  std::vector<RefPoint> refs;
  for (int i = 0; i < 100; ++i) {
    many.push_back(random_point(rng));
    refs.push_back(ref_of(many.back()));
  }
  EXPECT_EQ(Point::sum(many).to_bytes(), enc(ref_sum(refs)));
}

// sum_groups (batch-affine trees, in place) against libsecp256k1's combine,
// group by group: empty groups, single entries, identities, doublings at
// every tree level (P + P, then 2P + 2P), cancellations (P + (−P), also of
// partial sums), odd lengths, and groups of very different sizes side by
// side.
TEST(Secp256k1Group, SumGroupsMatchesCombine) {
  DeterministicRng rng(uint64_t{0x6C01});
  const Point P = random_point(rng), Q = random_point(rng), O = Point::identity();
  std::vector<std::vector<Point>> groups = {
      {},           {O},          {P},         {O, O},        {P, P},          {P, -P},
      {P, P, P, P}, {P, Q, -P, -Q}, {P, P, -P}, {O, P, O, Q, O}, {Q, P, P, -P, Q}, {P, Q, P, Q, P, Q, -P},
      {P + Q, -P, -Q, O},
  };
  for (size_t size : {2u, 3u, 31u, 100u}) {
    std::vector<Point> g;
    for (size_t i = 0; i < size; ++i) g.push_back(random_point(rng));
    groups.push_back(g);
  }
  std::vector<native::Affine> points;
  std::vector<size_t> offsets = {0};
  for (const auto& g : groups) {
    const std::vector<native::Affine> a = affines(g);
    points.insert(points.end(), a.begin(), a.end());
    offsets.push_back(points.size());
  }
  // All groups together (batch-affine levels first, the small tail in
  // Jacobian coordinates), and the special groups alone (small enough to
  // be summed in Jacobian coordinates from the start).
  for (size_t count : {groups.size(), size_t{13}}) {
    SCOPED_TRACE(count);
    const std::span<const size_t> offs(offsets.data(), count + 1);
    const std::vector<native::Affine> some(points.begin(), points.begin() + static_cast<std::ptrdiff_t>(offs.back()));
    const std::vector<native::Affine> sums = native::sum_groups(some, offs);
    ASSERT_EQ(sums.size(), count);
    for (size_t i = 0; i < count; ++i) {
      std::vector<RefPoint> refs;
      for (const Point& p : groups[i]) refs.push_back(ref_of(p));
      EXPECT_EQ(enc(native::to_jacobian(sums[i])), enc(ref_sum(refs))) << "group " << i;
    }
  }
  EXPECT_TRUE(native::sum_groups({}, std::vector<size_t>{0}).empty());
}

// Point::sum_columns_vartime: column k of 1, 2, 7 and 40 rows equals
// libsecp256k1's combine of the rows' k-th entries; rows longer than the
// width are read only up to it; identity entries and cancelling columns.
TEST(Secp256k1Point, SumColumnsMatchesCombinePerColumn) {
  DeterministicRng rng(uint64_t{0xC015});
  for (size_t rows : {1u, 2u, 7u, 40u}) {
    SCOPED_TRACE(rows);
    const size_t width = 5;
    std::vector<std::vector<Point>> m(rows);
    for (size_t r = 0; r < rows; ++r) {
      for (size_t k = 0; k < width + 1; ++k) m[r].push_back(random_point(rng));
      m[r][1] = Point::identity();
    }
    if (rows >= 2) m[1][2] = -m[0][2];  // column 2 cancels for 2 rows
    std::vector<std::span<const Point>> spans(m.begin(), m.end());
    const std::vector<Point> got = Point::sum_columns_vartime(spans, width);
    ASSERT_EQ(got.size(), width);
    for (size_t k = 0; k < width; ++k) {
      std::vector<RefPoint> refs;
      for (size_t r = 0; r < rows; ++r) refs.push_back(ref_of(m[r][k]));
      EXPECT_EQ(got[k].to_bytes(), enc(ref_sum(refs))) << "column " << k;
    }
    EXPECT_TRUE(got[1].is_identity());
    if (rows == 2) {
      EXPECT_TRUE(got[2].is_identity());
    }
  }
  const std::vector<Point> none = Point::sum_columns_vartime({}, 3);
  ASSERT_EQ(none.size(), 3u);
  for (const Point& p : none) EXPECT_TRUE(p.is_identity());
}

// from_bytes_vartime against from_bytes (libsecp256k1's parse) on valid
// uncompressed and compressed points, and on every way an encoding can be
// bad: off the curve, a coordinate >= p, wrong prefixes (00, 02 on 65 bytes, hybrid 06/07),
// wrong lengths, the identity encodings. Same points, same error codes.
TEST(Secp256k1Point, FromBytesVartimeAgreesWithFromBytes) {
  DeterministicRng rng(uint64_t{0xDEC0});
  std::vector<Bytes> inputs;
  auto add_bytes = [&](auto arr) { inputs.emplace_back(arr.begin(), arr.end()); };
  for (int i = 0; i < 20; ++i) {
    const Point P = random_point(rng);
    add_bytes(P.to_bytes_uncompressed());
    add_bytes(P.to_bytes());
    ByteArray<65> off = P.to_bytes_uncompressed();
    off[64] ^= 1;  // y + 1 or y - 1: off the curve
    add_bytes(off);
    ByteArray<65> hybrid = P.to_bytes_uncompressed();
    hybrid[0] = static_cast<uint8_t>(0x06 + (hybrid[64] & 1));
    add_bytes(hybrid);
    ByteArray<65> bad_prefix = P.to_bytes_uncompressed();
    bad_prefix[0] = 0x02;
    add_bytes(bad_prefix);
  }
  // Coordinates >= p: all ones, and G with x or y replaced by p itself.
  ByteArray<65> big{};
  big[0] = 0x04;
  for (size_t i = 1; i < 65; ++i) big[i] = 0xFF;
  add_bytes(big);
  const ByteArray<65> g = Point::generator().to_bytes_uncompressed();
  ByteArray<65> x_is_p = g;
  const uint8_t p_be[32] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE, 0xFF, 0xFF, 0xFC, 0x2F};
  std::copy(std::begin(p_be), std::end(p_be), x_is_p.begin() + 1);
  add_bytes(x_is_p);
  ByteArray<65> y_is_p = g;
  std::copy(std::begin(p_be), std::end(p_be), y_is_p.begin() + 33);
  add_bytes(y_is_p);
  add_bytes(ByteArray<65>{});
  add_bytes(ByteArray<33>{});
  inputs.push_back(Bytes(64, 0x04));
  inputs.push_back(Bytes{});
  for (const Bytes& in : inputs) {
    const auto want = Point::from_bytes(in);
    const auto got = Point::from_bytes_vartime(in);
    ASSERT_EQ(got.has_value(), want.has_value()) << to_hex(in);
    if (want) {
      EXPECT_EQ(got->to_bytes_uncompressed(), want->to_bytes_uncompressed());
      EXPECT_EQ(*got, *want);
    } else {
      EXPECT_EQ(got.error().code, want.error().code) << to_hex(in);
    }
  }
}

TEST(Secp256k1Point, EvalPolyMatchesNaiveEvaluation) {
  DeterministicRng rng(uint64_t{0xE7A1});
  for (size_t t : {0u, 1u, 2u, 5u}) {
    SCOPED_TRACE(t);
    std::vector<Point> coeffs;
    for (size_t k = 0; k < t; ++k) coeffs.push_back(k == 1 ? Point::identity() : random_point(rng));
    const std::vector<uint32_t> xs = {0, 1, 2, 3, 7, 255, 256, 4294967295u};
    const std::vector<Point> got = Point::eval_poly_vartime(coeffs, xs);
    ASSERT_EQ(got.size(), xs.size());
    for (size_t i = 0; i < xs.size(); ++i) {
      // Σ_k x^k·C_k with x^k computed as a scalar, each term by tweak_mul.
      std::vector<RefPoint> terms;
      Scalar xk = Scalar::one();
      for (size_t k = 0; k < t; ++k) {
        terms.push_back(ref_mul(xk, ref_of(coeffs[k])));
        xk *= Scalar::from_u64(xs[i]);
      }
      EXPECT_EQ(got[i].to_bytes(), enc(ref_sum(terms))) << "x = " << xs[i];
    }
  }
  EXPECT_TRUE(Point::eval_poly_vartime({}, std::vector<uint32_t>{}).empty());
}

// weighted_power_sums_vartime against full scalar products: 128-bit and
// full-size weights, the largest weight n − 1 (whose powers exercise the
// fold at every step), x = 0, 1, 255 and 2^32 − 1, 0, 1 and 67 powers.
TEST(Secp256k1Msm, WeightedPowerSumsMatchScalarProducts) {
  DeterministicRng rng(uint64_t{0x9E16});
  std::vector<Scalar> weights = {-Scalar::one(), Scalar::one(), -Scalar::from_u64(2)};
  for (int i = 0; i < 6; ++i) weights.push_back(Scalar::random(rng));
  for (int i = 0; i < 6; ++i) {
    ByteArray<16> half = rng.bytes<16>();
    weights.push_back(Scalar::reduce(half));
  }
  std::vector<uint32_t> xs = {255, 4294967295u, 0, 1, 2, 3, 100, 255, 4294967295u, 7, 200, 12, 255, 1, 99};
  ASSERT_GE(xs.size(), weights.size());
  for (size_t count : {0u, 1u, 2u, 67u}) {
    SCOPED_TRACE(count);
    std::vector<Scalar> want(count, Scalar::zero());
    for (size_t i = 0; i < weights.size(); ++i) {
      Scalar power = weights[i];
      for (size_t k = 0; k < count; ++k) {
        want[k] += power;
        power *= Scalar::from_u64(xs[i]);
      }
    }
    const std::vector<Scalar> got = native::weighted_power_sums_vartime(weights, xs, count);
    ASSERT_EQ(got.size(), count);
    for (size_t k = 0; k < count; ++k) EXPECT_EQ(got[k].to_bytes(), want[k].to_bytes()) << "k = " << k;
  }
  // 255 weights n − 1 at x = 2^32 − 1: the five-limb sums grow largest.
  const std::vector<Scalar> big(255, -Scalar::one());
  const std::vector<uint32_t> big_x(255, 4294967295u);
  const std::vector<Scalar> got = native::weighted_power_sums_vartime(big, big_x, 3);
  const Scalar x = Scalar::from_u64(4294967295u);
  const Scalar w = -Scalar::from_u64(255);
  EXPECT_EQ(got[0].to_bytes(), w.to_bytes());
  EXPECT_EQ(got[1].to_bytes(), (w * x).to_bytes());
  EXPECT_EQ(got[2].to_bytes(), (w * x * x).to_bytes());
}

TEST(Secp256k1Msm, MulSmall) {
  DeterministicRng rng(uint64_t{0x5A11});
  const Point P = random_point(rng);
  const native::Jacobian j = native::to_jacobian(native::from_pubkey(P.raw()));
  for (uint32_t k : {0u, 1u, 2u, 3u, 5u, 100u, 65537u, 4294967295u}) {
    EXPECT_EQ(enc(native::mul_small(j, k)), enc(ref_mul(Scalar::from_u64(k), ref_of(P)))) << k;
  }
  EXPECT_TRUE(native::mul_small(native::Jacobian{}, 5).infinity);
}

}  // namespace
}  // namespace okmpc
