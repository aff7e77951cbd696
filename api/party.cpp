// Party: the public state-machine surface over runtime::Party
// (protocols/runtime/party.hpp): bytes in, wire messages out, errors sticky.
#include <sodium.h>

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "api/internal_error.hpp"
#include "api/party_core.hpp"

namespace okmpc::api {
namespace {

std::vector<OutgoingMessage> to_outgoing(const std::vector<runtime::Message>& messages) {
  std::vector<OutgoingMessage> out;
  out.reserve(messages.size());
  for (const auto& m : messages) out.push_back(OutgoingMessage{m.to, m.encode()});
  return out;
}

}  // namespace

runtime::SessionId to_session(const SessionId& session) {
  runtime::SessionId out;
  std::copy(session.begin(), session.end(), out.begin());
  return out;
}

Party::Party(std::unique_ptr<PartyCore> core) : core_(std::move(core)) {}
Party::Party(Party&&) noexcept = default;
Party& Party::operator=(Party&&) noexcept = default;
Party::~Party() = default;

uint32_t Party::id() const { return core_->party().id(); }

Result<std::vector<OutgoingMessage>> Party::start() {
  if (core_->failure) return *core_->failure;
  auto sent = core_->party().start(core_->rng);
  if (!sent) {
    core_->failure = to_public(sent.error());
    return *core_->failure;
  }
  return to_outgoing(*sent);
}

Result<Step> Party::handle(std::span<const uint8_t> message) {
  if (core_->failure) return *core_->failure;
  auto decoded = runtime::Message::decode(message);
  if (!decoded) {
    core_->failure = to_public(decoded.error());
    return *core_->failure;
  }
  auto sent = core_->party().handle(*decoded, core_->rng);
  if (!sent) {
    core_->failure = to_public(sent.error());
    return *core_->failure;
  }
  return Step{to_outgoing(*sent), core_->party().finished()};
}

bool Party::finished() const { return core_->party().finished(); }

std::vector<uint32_t> Party::waiting_for() const { return core_->party().waiting_for(); }

SessionId random_session_id() {
  SessionId out;
  if (sodium_init() < 0) std::abort();  // libsodium cannot run without a CSPRNG
  randombytes_buf(out.data(), out.size());
  return out;
}

}  // namespace okmpc::api
