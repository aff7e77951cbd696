#include "apps/bench/protocol_adapter.hpp"

#include <algorithm>
#include <map>

namespace okmpc::bench {
namespace {

std::map<std::string, ProtocolAdapter>& registry() {
  static std::map<std::string, ProtocolAdapter> r;
  return r;
}

bool contains(const std::vector<std::string>& list, std::string_view x) {
  return std::find(list.begin(), list.end(), x) != list.end();
}

std::string joined(const std::vector<std::string>& list) {
  std::string out;
  for (size_t i = 0; i < list.size(); ++i) out += (i ? ", " : "") + list[i];
  return out;
}

}  // namespace

const std::vector<std::string>& planned_protocols() {
  static const std::vector<std::string> p{"dkg", "frost", "ecdsa"};
  return p;
}

const std::vector<std::string>& known_curves() {
  static const std::vector<std::string> c{"secp256k1", "ed25519"};
  return c;
}

void register_adapter(ProtocolAdapter adapter) {
  std::string name = adapter.protocol;
  registry().insert_or_assign(std::move(name), std::move(adapter));
}

std::vector<const ProtocolAdapter*> available_adapters() {
  std::vector<const ProtocolAdapter*> out;
  for (const auto& [name, adapter] : registry()) out.push_back(&adapter);
  return out;
}

Result<const ProtocolAdapter*> find_adapter(std::string_view protocol, std::string_view curve,
                                            std::string_view variant) {
  if (!contains(known_curves(), curve)) {
    return fail(ErrorCode::kInvalidArgument,
                "unknown curve '" + std::string(curve) + "' (expected one of: " + joined(known_curves()) + ")");
  }
  auto it = registry().find(std::string(protocol));
  if (it == registry().end()) {
    if (contains(planned_protocols(), protocol)) {
      return fail(ErrorCode::kInvalidArgument,
                  "protocol '" + std::string(protocol) + "' is not available in this build");
    }
    return fail(ErrorCode::kInvalidArgument, "unknown protocol '" + std::string(protocol) +
                                                 "' (expected one of: " + joined(planned_protocols()) + ")");
  }
  const ProtocolAdapter& adapter = it->second;
  if (!contains(adapter.curves, curve)) {
    return fail(ErrorCode::kInvalidArgument, "protocol '" + adapter.protocol + "' does not run on curve '" +
                                                 std::string(curve) + "' (it supports: " +
                                                 joined(adapter.curves) + ")");
  }
  if (!variant.empty() && !contains(adapter.variants, variant)) {
    return fail(ErrorCode::kInvalidArgument, "protocol '" + adapter.protocol + "' has no variant '" +
                                                 std::string(variant) + "' (expected one of: " +
                                                 joined(adapter.variants) + ")");
  }
  return &adapter;
}

}  // namespace okmpc::bench
