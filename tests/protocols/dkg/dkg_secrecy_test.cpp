// t-1 shares say nothing about the key: on the toy curve (order 199) a DKG's
// t-1 shares, completed by each of the 199 possible values of one more
// share, interpolate to each of the 199 possible secrets exactly once — so
// every secret is equally consistent with what t-1 parties hold.
#include <gtest/gtest.h>

#include <set>

#include "dkg_fixture.hpp"

namespace okmpc::dkg {
namespace {

TEST(DkgSecrecy, ThresholdMinusOneSharesLeaveTheSecretOpen) {
  const uint32_t t = 3, n = 5;
  auto run = run_dkg_simulated<ToyCurve>(t, n, testing::session_of(50), DkgOptions{}, runtime::SimConfig{});
  ASSERT_TRUE(run) << run.error();
  using S = ToyCurve::Scalar;
  std::set<uint32_t> secrets;
  bool true_secret_seen = false;
  for (uint32_t v = 0; v < ToyCurve::kOrder; ++v) {
    std::vector<std::pair<uint32_t, S>> pts = {{1, run->shares[0].secret_share.expose()},
                                               {2, run->shares[1].secret_share.expose()},
                                               {4, S::from_u64(v)}};  // party 4's share, unknown to 1 and 2
    auto s = shamir_reconstruct<ToyCurve>(std::span<const std::pair<uint32_t, S>>(pts));
    ASSERT_TRUE(s);
    secrets.insert(s->value());
    if (ToyCurve::Point::base_mul(*s) == run->shares[0].group_public_key) {
      true_secret_seen = true;
      EXPECT_EQ(v, run->shares[3].secret_share.expose().value());
    }
  }
  EXPECT_EQ(secrets.size(), ToyCurve::kOrder);
  EXPECT_TRUE(true_secret_seen);
}

TEST(DkgSecrecy, ThresholdSharesDetermineIt) {
  auto run = run_dkg_simulated<ToyCurve>(3, 5, testing::session_of(51), DkgOptions{}, runtime::SimConfig{});
  ASSERT_TRUE(run);
  // The verification shares of any t parties interpolate to the group key
  // "in the exponent" too; with t-1 of them plus a wrong third they don't.
  const auto& vs = run->shares[0].verification_shares;
  const std::vector<uint32_t> ids = {1, 3, 5};
  auto lambdas = lagrange_coefficients<ToyCurve>(ids);
  ASSERT_TRUE(lambdas);
  auto y = ToyCurve::Point::identity();
  for (size_t i = 0; i < ids.size(); ++i) y = y + (*lambdas)[i] * vs[ids[i] - 1];
  EXPECT_TRUE(y == run->shares[0].group_public_key);
  auto wrong = y + (*lambdas)[2] * ToyCurve::Point::generator();
  EXPECT_FALSE(wrong == run->shares[0].group_public_key);
}

}  // namespace
}  // namespace okmpc::dkg
