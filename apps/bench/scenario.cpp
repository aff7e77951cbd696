#include "apps/bench/scenario.hpp"

#include <boost/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

namespace okmpc::bench {
namespace json = boost::json;
namespace {

tl::unexpected<Error> bad(const std::string& where, const std::string& message) {
  return fail(ErrorCode::kInvalidArgument, where + ": " + message);
}

// Prefixes an error from a shared parser with the JSON path it came from.
template <class T>
Result<T> at(const std::string& where, Result<T> r) {
  if (!r) return bad(where, r.error().message);
  return r;
}

Status only_keys(const json::object& o, const std::set<std::string>& allowed, const std::string& where) {
  for (const auto& kv : o) {
    if (!allowed.count(std::string(kv.key()))) {
      return bad(where, "unknown field '" + std::string(kv.key()) + "'");
    }
  }
  return ok();
}

// A scalar as the text the command line would have: "3", "2/3", "20ms".
Result<std::string> scalar_text(const json::value& v, const std::string& where) {
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_int64() && v.get_int64() >= 0) return std::to_string(v.get_int64());
  if (v.is_uint64()) return std::to_string(v.get_uint64());
  return bad(where, "expected a string or a non-negative integer");
}

// A string, integer, or array of those, joined into a comma list.
Result<std::string> list_text(const json::value& v, const std::string& where) {
  if (!v.is_array()) return scalar_text(v, where);
  const json::array& a = v.get_array();
  if (a.empty()) return bad(where, "empty list");
  std::string out;
  for (size_t i = 0; i < a.size(); ++i) {
    OKMPC_ASSIGN_OR_RETURN(std::string item, scalar_text(a[i], where + "[" + std::to_string(i) + "]"));
    out += (i ? "," : "") + item;
  }
  return out;
}

Result<std::string> string_field(const json::object& o, const char* key, const std::string& where) {
  const json::value* v = o.if_contains(key);
  if (!v) return bad(where, std::string("missing field '") + key + "'");
  if (!v->is_string()) return bad(where + "." + key, "expected a string");
  return std::string(v->get_string());
}

Result<double> drop_field(const json::value& v, const std::string& where) {
  if (v.is_number()) {
    const double p = v.to_number<double>();
    if (p < 0 || p >= 1) return bad(where, "drop probability must be in [0, 1)");
    return p;
  }
  if (v.is_string()) return at(where, parse_drop(v.get_string()));
  return bad(where, "expected a probability");
}

Result<SweepSpec> parse_experiment(const json::value& v, const std::string& where) {
  if (!v.is_object()) return bad(where, "expected an object");
  const json::object& o = v.get_object();
  OKMPC_TRY(only_keys(o,
                      {"protocol", "curve", "variant", "parties", "threshold", "latency", "bandwidth", "drop",
                       "crash", "repeat"},
                      where));
  SweepSpec spec;
  OKMPC_ASSIGN_OR_RETURN(spec.protocol, string_field(o, "protocol", where));
  OKMPC_ASSIGN_OR_RETURN(spec.curve, string_field(o, "curve", where));
  if (o.contains("variant")) {
    OKMPC_ASSIGN_OR_RETURN(spec.variant, string_field(o, "variant", where));
  }
  for (const char* required : {"parties", "threshold"}) {
    if (!o.contains(required)) return bad(where, std::string("missing field '") + required + "'");
  }
  OKMPC_ASSIGN_OR_RETURN(std::string parties, list_text(o.at("parties"), where + ".parties"));
  OKMPC_ASSIGN_OR_RETURN(spec.parties, at(where + ".parties", parse_parties(parties)));
  OKMPC_ASSIGN_OR_RETURN(std::string thresholds, list_text(o.at("threshold"), where + ".threshold"));
  OKMPC_ASSIGN_OR_RETURN(spec.thresholds, at(where + ".threshold", parse_thresholds(thresholds)));
  if (const json::value* lat = o.if_contains("latency")) {
    OKMPC_ASSIGN_OR_RETURN(std::string text, list_text(*lat, where + ".latency"));
    OKMPC_ASSIGN_OR_RETURN(spec.latencies_ms, at(where + ".latency", parse_latencies_ms(text)));
  }
  if (const json::value* bw = o.if_contains("bandwidth")) {
    if (!bw->is_string()) return bad(where + ".bandwidth", "expected a string like \"100mbit\"");
    OKMPC_ASSIGN_OR_RETURN(spec.bandwidth_mbit, at(where + ".bandwidth", parse_bandwidth_mbit(bw->get_string())));
  }
  if (const json::value* drop = o.if_contains("drop")) {
    OKMPC_ASSIGN_OR_RETURN(spec.drop, drop_field(*drop, where + ".drop"));
  }
  if (const json::value* crash = o.if_contains("crash")) {
    OKMPC_ASSIGN_OR_RETURN(std::string text, scalar_text(*crash, where + ".crash"));
    OKMPC_ASSIGN_OR_RETURN(uint64_t k, at(where + ".crash", parse_count(text, "crash", kMaxParties)));
    spec.crash = static_cast<uint32_t>(k);
  }
  if (const json::value* repeat = o.if_contains("repeat")) {
    OKMPC_ASSIGN_OR_RETURN(std::string text, scalar_text(*repeat, where + ".repeat"));
    OKMPC_ASSIGN_OR_RETURN(uint64_t r, at(where + ".repeat", parse_count(text, "repeat", kMaxRepeat)));
    if (r == 0) return bad(where + ".repeat", "must be at least 1");
    spec.repeat = static_cast<uint32_t>(r);
  }
  return spec;
}

bool valid_name(const std::string& name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  }
  return true;
}

}  // namespace

Result<Scenario> parse_scenario(std::string_view json_text) {
  boost::system::error_code ec;
  json::value root = json::parse(json_text, ec);
  if (ec) return bad("scenario", "not valid JSON (" + ec.message() + ")");
  if (!root.is_object()) return bad("scenario", "expected a JSON object");
  const json::object& o = root.get_object();
  OKMPC_TRY(only_keys(o, {"name", "title", "seed", "experiments"}, "scenario"));
  Scenario s;
  OKMPC_ASSIGN_OR_RETURN(s.name, string_field(o, "name", "scenario"));
  if (!valid_name(s.name)) return bad("name", "'" + s.name + "' must be non-empty [a-z0-9_-]");
  if (o.contains("title")) {
    OKMPC_ASSIGN_OR_RETURN(s.title, string_field(o, "title", "scenario"));
  }
  if (const json::value* seed = o.if_contains("seed")) {
    OKMPC_ASSIGN_OR_RETURN(std::string text, scalar_text(*seed, "seed"));
    OKMPC_ASSIGN_OR_RETURN(s.seed, at("seed", parse_seed(text)));
  }
  const json::value* experiments = o.if_contains("experiments");
  if (!experiments || !experiments->is_array() || experiments->get_array().empty()) {
    return bad("experiments", "expected a non-empty array of experiments");
  }
  const json::array& list = experiments->get_array();
  for (size_t i = 0; i < list.size(); ++i) {
    OKMPC_ASSIGN_OR_RETURN(SweepSpec spec, parse_experiment(list[i], "experiments[" + std::to_string(i) + "]"));
    s.experiments.push_back(std::move(spec));
  }
  return s;
}

Result<Scenario> load_scenario(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::kIo, "cannot read scenario file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  auto s = parse_scenario(text.str());
  if (!s) return fail(s.error().code, "scenario " + path + ": " + s.error().message);
  return s;
}

}  // namespace okmpc::bench
