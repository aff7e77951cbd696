// secp256k1 Jacobian group law for public points (mpc/secp256k1_group.hpp).
#include "mpc/secp256k1_group.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "mpc/secp256k1.hpp"

namespace okmpc::secp256k1_vartime {

const Affine& generator_affine() {
  static const Affine g = [] {
    // SEC 2 §2.4.1, G in uncompressed form.
    static constexpr std::array<uint8_t, 32> kGx = {
        0x79, 0xBE, 0x66, 0x7E, 0xF9, 0xDC, 0xBB, 0xAC, 0x55, 0xA0, 0x62, 0x95, 0xCE, 0x87, 0x0B, 0x07,
        0x02, 0x9B, 0xFC, 0xDB, 0x2D, 0xCE, 0x28, 0xD9, 0x59, 0xF2, 0x81, 0x5B, 0x16, 0xF8, 0x17, 0x98};
    static constexpr std::array<uint8_t, 32> kGy = {
        0x48, 0x3A, 0xDA, 0x77, 0x26, 0xA3, 0xC4, 0x65, 0x5D, 0xA4, 0xFB, 0xFC, 0x0E, 0x11, 0x08, 0xA8,
        0xFD, 0x17, 0xB4, 0x48, 0xA6, 0x85, 0x54, 0x19, 0x9C, 0x47, 0xD0, 0x8F, 0xFB, 0x10, 0xD4, 0xB8};
    Affine a;
    a.x = *fe_from_bytes(kGx);
    a.y = *fe_from_bytes(kGy);
    a.infinity = false;
    return a;
  }();
  return g;
}

namespace {

Affine scale_to_affine(const Jacobian& a, const Fe& zinv) {
  const Fe zinv2 = fe_sqr(zinv);
  Affine r;
  r.infinity = false;
  r.x = fe_mul(a.x, zinv2);
  r.y = fe_mul(a.y, fe_mul(zinv2, zinv));
  return r;
}

}  // namespace

Affine to_affine(const Jacobian& a) {
  if (a.infinity) return Affine{};
  return scale_to_affine(a, fe_inverse_vartime(a.z));
}

void batch_to_affine(std::span<const Jacobian> in, std::span<Affine> out) {
  std::vector<Fe> zs(in.size());  // identity entries stay zero, and stay zero after inversion
  for (size_t i = 0; i < in.size(); ++i) {
    if (!in[i].infinity) zs[i] = in[i].z;
  }
  fe_batch_inverse_vartime(zs);
  for (size_t i = 0; i < in.size(); ++i) {
    out[i] = in[i].infinity ? Affine{} : scale_to_affine(in[i], zs[i]);
  }
}

namespace {

// The live entries of the groups during sum_groups: group g's current
// partial sums are points[start[g] .. start[g] + len[g]).
struct GroupSpans {
  std::vector<size_t> start, len;
};

// Montgomery's trick: xs[i] becomes 1/xs[i] for every i with one inversion
// and true is returned — unless some xs[i] is zero, which the product of
// them all shows (one zero test, not one per element): then xs is left
// as it was and false is returned. `prefix` is scratch.
bool invert_all_if_nonzero(std::vector<Fe>& xs, std::vector<Fe>& prefix) {
  prefix.resize(xs.size());
  Fe acc = fe_from_u64(1);
  for (size_t i = 0; i < xs.size(); ++i) {
    prefix[i] = acc;
    acc = fe_mul(acc, xs[i]);
  }
  if (acc.is_zero()) return false;
  Fe inv = fe_inverse_vartime(acc);
  for (size_t i = xs.size(); i-- > 0;) {
    const Fe x = xs[i];
    xs[i] = fe_mul(inv, prefix[i]);
    inv = fe_mul(inv, x);
  }
  return true;
}

// a + b in affine coordinates given 1/(b.x − a.x) (a.x != b.x).
Affine add_with_inverse(const Affine& a, const Affine& b, const Fe& dx_inv) {
  const Fe lambda = fe_mul(fe_sub_unreduced(b.y, a.y), dx_inv);
  Affine r;
  r.x = fe_sub(fe_sub(fe_sqr(lambda), a.x), b.x);
  r.y = fe_sub(fe_mul(lambda, fe_sub_unreduced(a.x, r.x)), a.y);
  r.infinity = false;
  return r;
}

// One tree level: the pairs (i, i+1) of every group with at least two
// entries are replaced by add(a, b, out) — which returns false when the pair
// leaves no output (P + (−P)) —, an odd last entry is carried, and the
// outputs are packed at the group's start. An output's slot never lies
// after its inputs and pairs run in input order, so the level works in
// place.
template <class Add>
void tree_level(std::vector<Affine>& points, GroupSpans& g, Add add) {
  for (size_t k = 0; k < g.start.size(); ++k) {
    if (g.len[k] < 2) continue;
    const size_t s = g.start[k];
    size_t out = 0;
    for (size_t i = 0; i + 1 < g.len[k]; i += 2) {
      Affine r;
      if (add(points[s + i], points[s + i + 1], r)) points[s + out++] = r;
    }
    if (g.len[k] % 2 == 1) points[s + out++] = points[s + g.len[k] - 1];
    g.len[k] = out;
  }
}

// The x-differences x_{i+1} − x_i of every pair of the next level, in
// tree_level's order (only multiplied, so unreduced).
void pair_differences(const std::vector<Affine>& points, const GroupSpans& g, std::vector<Fe>& dx) {
  dx.clear();
  for (size_t k = 0; k < g.start.size(); ++k) {
    for (size_t i = 0; i + 1 < g.len[k]; i += 2) {
      dx.push_back(fe_sub_unreduced(points[g.start[k] + i + 1].x, points[g.start[k] + i].x));
    }
  }
}

// The level when some pair has equal x (a doubling, or P + (−P) = identity,
// which leaves no output): those pairs are done on their own, the others
// still share one inversion. Only reached with repeated or opposite
// points, so it may be slower than the common level. `dx` holds this
// level's pair_differences on entry (overwritten).
void add_level_with_equal_x(std::vector<Affine>& points, GroupSpans& g, std::vector<Fe>& dx,
                            std::vector<Fe>& scratch) {
  std::erase_if(dx, [](const Fe& d) { return d.is_zero(); });
  invert_all_if_nonzero(dx, scratch);  // every entry is nonzero now
  size_t next = 0;
  tree_level(points, g, [&](const Affine& a, const Affine& b, Affine& r) {
    if (!(a.x == b.x)) {
      r = add_with_inverse(a, b, dx[next++]);
      return true;
    }
    if (!(a.y == b.y)) return false;  // b = −a
    r = to_affine(dbl(to_jacobian(a)));
    return true;
  });
}

// Whether the groups' remaining sums are cheaper in Jacobian coordinates
// with one batch normalisation at the end than as more tree levels: each
// level costs an inversion (about 150 field multiplications with GMP) and
// ~6 multiplications per pair, a mixed Jacobian addition ~5 more than an
// affine one and the final normalisation ~6 per group. Small inputs (a
// few parties' commitment columns) finish this way; large ones never do.
bool finish_in_jacobian(const GroupSpans& g) {
  size_t live = 0, longest = 0;
  for (size_t len : g.len) {
    live += len;
    longest = std::max(longest, len);
  }
  const size_t levels = longest < 2 ? 0 : static_cast<size_t>(std::bit_width(longest - 1));
  return levels >= 2 && 5 * live + 6 * g.len.size() < 150 * (levels - 1);
}

// The groups' sums by mixed Jacobian additions (any inputs), normalised
// together: the tail of sum_groups for small inputs.
std::vector<Affine> sum_in_jacobian(const std::vector<Affine>& points, const GroupSpans& g) {
  std::vector<Jacobian> sums(g.len.size());
  for (size_t k = 0; k < g.len.size(); ++k) {
    for (size_t i = 0; i < g.len[k]; ++i) sums[k] = add_mixed(sums[k], points[g.start[k] + i]);
  }
  std::vector<Affine> out(sums.size());
  batch_to_affine(sums, out);
  return out;
}

}  // namespace

std::vector<Affine> sum_groups(std::vector<Affine> points, std::span<const size_t> offsets) {
  const size_t groups = offsets.size() - 1;
  GroupSpans g{std::vector<size_t>(groups), std::vector<size_t>(groups)};
  for (size_t k = 0; k < groups; ++k) {  // drop identities
    size_t w = offsets[k];
    for (size_t i = offsets[k]; i < offsets[k + 1]; ++i) {
      if (!points[i].infinity) points[w++] = points[i];
    }
    g.start[k] = offsets[k];
    g.len[k] = w - offsets[k];
  }
  std::vector<Fe> dx, prefix;
  for (;;) {
    if (finish_in_jacobian(g)) return sum_in_jacobian(points, g);
    // Every pair's x-difference, inverted together; a zero among them means
    // some pair has equal x.
    pair_differences(points, g, dx);
    if (dx.empty()) break;
    if (!invert_all_if_nonzero(dx, prefix)) {
      add_level_with_equal_x(points, g, dx, prefix);
      continue;
    }
    size_t next = 0;
    tree_level(points, g, [&](const Affine& a, const Affine& b, Affine& r) {
      r = add_with_inverse(a, b, dx[next++]);
      return true;
    });
  }
  std::vector<Affine> out(groups);
  for (size_t k = 0; k < groups; ++k) {
    if (g.len[k] == 1) out[k] = points[g.start[k]];
  }
  return out;
}

bool on_curve(const Affine& a) {
  if (a.infinity) return true;
  const Fe rhs = fe_add(fe_mul(fe_sqr(a.x), a.x), fe_from_u64(7));
  return fe_sqr(a.y) == rhs;
}

namespace {

// The affine coordinates through the library's serializer (always valid).
Affine from_pubkey_serialized(const secp256k1_pubkey& pk) {
  std::array<uint8_t, 65> buf{};
  size_t len = buf.size();
  secp256k1_ec_pubkey_serialize(secp256k1_ctx(), buf.data(), &len, &pk, SECP256K1_EC_UNCOMPRESSED);
  Affine a;
  // libsecp256k1 serializes canonical coordinates (< p).
  a.x = *fe_from_bytes(std::span<const uint8_t, 32>(buf.data() + 1, 32));
  a.y = *fe_from_bytes(std::span<const uint8_t, 32>(buf.data() + 33, 32));
  a.infinity = false;
  return a;
}

// The affine coordinates read from the key's 64 data bytes as x‖y, each
// four little-endian 64-bit limbs: how libsecp256k1 (0.2 and later, with
// 64-bit limbs) stores a public key (secp256k1_ge_storage). Only valid when
// pubkey_storage_is_known().
Affine from_pubkey_storage(const secp256k1_pubkey& pk) {
  std::array<uint64_t, 4> x, y;
  std::memcpy(x.data(), pk.data, 32);
  std::memcpy(y.data(), pk.data + 32, 32);
  Affine a;
  a.x = fe_from_limbs64(x);
  a.y = fe_from_limbs64(y);
  a.infinity = false;
  return a;
}

// The library documents secp256k1_pubkey as opaque, so the storage reading
// is used only if it agrees with the serializer on G, 7G and −7G (odd and
// even y, small and large coordinates); checked once per process.
bool pubkey_storage_is_known() {
  static const bool known = [] {
    const Affine& g = generator_affine();
    std::array<uint8_t, 65> buf{};
    buf[0] = 0x04;
    fe_to_bytes(g.x, std::span<uint8_t, 32>(buf.data() + 1, 32));
    fe_to_bytes(g.y, std::span<uint8_t, 32>(buf.data() + 33, 32));
    secp256k1_pubkey keys[3];
    if (secp256k1_ec_pubkey_parse(secp256k1_ctx(), &keys[0], buf.data(), buf.size()) != 1) return false;
    std::array<uint8_t, 32> seven{};
    seven[31] = 7;
    keys[1] = keys[0];
    keys[2] = keys[0];
    if (secp256k1_ec_pubkey_tweak_mul(secp256k1_ctx(), &keys[1], seven.data()) != 1 ||
        secp256k1_ec_pubkey_tweak_mul(secp256k1_ctx(), &keys[2], seven.data()) != 1 ||
        secp256k1_ec_pubkey_negate(secp256k1_ctx(), &keys[2]) != 1) {
      return false;
    }
    for (const secp256k1_pubkey& k : keys) {
      std::array<uint64_t, 8> raw;
      std::memcpy(raw.data(), k.data, 64);
      // Canonical limbs (each coordinate < p) and the same point.
      const Affine direct = from_pubkey_storage(k);
      if (fe_to_limbs64(direct.x) != std::array<uint64_t, 4>{raw[0], raw[1], raw[2], raw[3]} ||
          fe_to_limbs64(direct.y) != std::array<uint64_t, 4>{raw[4], raw[5], raw[6], raw[7]}) {
        return false;
      }
      if (!(direct == from_pubkey_serialized(k))) return false;
    }
    return true;
  }();
  return known;
}

}  // namespace

Affine from_pubkey(const secp256k1_pubkey& pk) {
  return pubkey_storage_is_known() ? from_pubkey_storage(pk) : from_pubkey_serialized(pk);
}

bool to_pubkey(const Affine& a, secp256k1_pubkey& pk) {
  if (a.infinity || !on_curve(a)) return false;
  if (pubkey_storage_is_known()) {
    // The layout from_pubkey_storage reads: x‖y, canonical 64-bit limbs.
    const std::array<uint64_t, 4> x = fe_to_limbs64(a.x), y = fe_to_limbs64(a.y);
    std::memcpy(pk.data, x.data(), 32);
    std::memcpy(pk.data + 32, y.data(), 32);
    return true;
  }
  std::array<uint8_t, 65> buf{};
  buf[0] = 0x04;
  fe_to_bytes(a.x, std::span<uint8_t, 32>(buf.data() + 1, 32));
  fe_to_bytes(a.y, std::span<uint8_t, 32>(buf.data() + 33, 32));
  return secp256k1_ec_pubkey_parse(secp256k1_ctx(), &pk, buf.data(), buf.size()) == 1;
}

}  // namespace okmpc::secp256k1_vartime
