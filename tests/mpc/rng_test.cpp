// DeterministicRng: reproducible, seed-sensitive, forks independent of each
// other and of the parent; OsRng produces distinct outputs.
#include <gtest/gtest.h>

#include "mpc/rng.hpp"

namespace okmpc {
namespace {

Bytes draw(Rng& r, size_t n) {
  Bytes out(n);
  r.fill(out);
  return out;
}

TEST(DeterministicRng, SameSeedSameStreamAcrossChunkings) {
  DeterministicRng a(uint64_t{7}), b(uint64_t{7});
  Bytes whole = draw(a, 200);
  Bytes parts;
  for (size_t n : {1u, 63u, 64u, 65u, 7u}) {
    Bytes p = draw(b, n);
    parts.insert(parts.end(), p.begin(), p.end());
  }
  EXPECT_EQ(whole, parts);
}

TEST(DeterministicRng, DifferentSeedsDiffer) {
  DeterministicRng a(uint64_t{7}), b(uint64_t{8});
  EXPECT_NE(draw(a, 32), draw(b, 32));
  const Bytes s1 = {1, 2, 3}, s2 = {1, 2, 3, 0};
  DeterministicRng c(s1), d(s2);
  EXPECT_NE(draw(c, 32), draw(d, 32));
}

TEST(DeterministicRng, ForksAreReproducibleIndependentAndDoNotAdvanceParent) {
  DeterministicRng parent(uint64_t{99}), twin(uint64_t{99});
  DeterministicRng f1 = parent.fork("party", 1);
  DeterministicRng f1_again = parent.fork("party", 1);
  DeterministicRng f2 = parent.fork("party", 2);
  DeterministicRng g1 = parent.fork("other", 1);
  const Bytes a = draw(f1, 64);
  EXPECT_EQ(a, draw(f1_again, 64));
  EXPECT_NE(a, draw(f2, 64));
  EXPECT_NE(a, draw(g1, 64));
  EXPECT_EQ(draw(parent, 64), draw(twin, 64));  // forking did not advance the parent
  DeterministicRng fresh(uint64_t{99});
  EXPECT_NE(a, draw(fresh, 64));
}

TEST(DeterministicRng, UniformStaysInRange) {
  DeterministicRng r(uint64_t{3});
  for (int i = 0; i < 1000; ++i) EXPECT_LT(r.uniform(7), 7u);
  EXPECT_EQ(r.uniform(1), 0u);
}

TEST(OsRng, ProducesDistinctOutputs) {
  OsRng r;
  EXPECT_NE(draw(r, 32), draw(r, 32));
}

}  // namespace
}  // namespace okmpc
