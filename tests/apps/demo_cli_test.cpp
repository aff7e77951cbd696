// `okmpc demo` end to end, as the README's first command runs it: the story
// passes every independent check, and `--users` reports both phases with
// no failure, first logins served from the pre-filled key pool, and
// percentiles in order.
#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <string>

#include "bench_cli_run.hpp"

namespace okmpc::bench_test {
namespace {

namespace json = boost::json;

json::object run_demo_json(const std::vector<std::string>& extra) {
  std::vector<std::string> args{"demo", "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const CliRun run = run_okmpc(args);
  EXPECT_EQ(run.exit_code, 0) << "stderr: " << run.err;
  json::value v;
  try {
    v = json::parse(run.out);
  } catch (const std::exception& e) {
    ADD_FAILURE() << "stdout is not JSON (" << e.what() << "): " << run.out;
    return {};
  }
  return v.as_object();
}

TEST(DemoCli, StoryPassesEveryCheck) {
  const json::object d = run_demo_json({});
  ASSERT_FALSE(d.empty());
  EXPECT_TRUE(d.at("ok").as_bool());
  const json::array& checks = d.at("checks").as_array();
  EXPECT_GE(checks.size(), 10u);
  for (const json::value& c : checks) {
    EXPECT_TRUE(c.at("ok").as_bool()) << json::serialize(c);
  }
}

TEST(DemoCli, UsersReportsBothPhases) {
  const json::object d = run_demo_json({"--users", "3", "--concurrency", "2", "--key-pool", "3"});
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d.at("users").to_number<int64_t>(), 3);
  EXPECT_EQ(d.at("failures").to_number<int64_t>(), 0);
  EXPECT_EQ(d.at("keyPool").at("firstLoginsFromPool").to_number<int64_t>(), 3);
  for (const char* phase : {"firstLogin", "returningLogin"}) {
    const json::object& p = d.at(phase).as_object();
    EXPECT_GT(p.at("perSecond").to_number<double>(), 0) << phase;
    EXPECT_GT(p.at("p50Ms").to_number<double>(), 0) << phase;
    EXPECT_LE(p.at("p50Ms").to_number<double>(), p.at("p99Ms").to_number<double>()) << phase;
    EXPECT_GT(p.at("cpuMsPerLogin").to_number<double>(), 0) << phase;
  }
  EXPECT_EQ(d.at("returningLogin").at("keygenMsMean").to_number<double>(), 0);
  // The same-run machine reference and the CPU per login in its units.
  const json::object& ref = d.at("reference").as_object();
  EXPECT_EQ(ref.at("operation").as_string(), "libsecp256k1 secp256k1_ecdsa_sign");
  const double us = ref.at("usPerOp").to_number<double>();
  EXPECT_GT(us, 0);
  EXPECT_NEAR(ref.at("returningCpuPerLoginInOps").to_number<double>(),
              d.at("returningLogin").at("cpuMsPerLogin").to_number<double>() * 1000 / us, 1e-6);
}

}  // namespace
}  // namespace okmpc::bench_test
