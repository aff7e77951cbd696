// Where OTP codes are "delivered". The real system sends e-mail / WhatsApp;
// okmpc appends one JSON line per code to DATA/outbox.jsonl:
//   {"channel":"email"|"whatsapp","to":<normalised address>,"code":"123456","expiresAt":<unix seconds>}
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "auth/okto_token.hpp"
#include "mpc/error.hpp"

namespace okmpc::auth {

struct OtpMessage {
  OtpChannel channel = OtpChannel::kEmail;
  std::string to;
  std::string code;
  uint64_t expires_at = 0;
};

// The JSON line (without the newline) for `message`.
std::string outbox_line(const OtpMessage& message);

class OtpOutbox {
 public:
  virtual ~OtpOutbox() = default;
  // Delivers `message`; an error means it was not delivered.
  virtual Status deliver(const OtpMessage& message) = 0;
};

// Appends outbox_line + '\n' to a file with one O_APPEND write(2), so lines
// from concurrent writers (threads or processes) never interleave. The file
// is created with mode 0600 (it holds live codes).
class FileOutbox final : public OtpOutbox {
 public:
  explicit FileOutbox(std::filesystem::path path) : path_(std::move(path)) {}
  Status deliver(const OtpMessage& message) override;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace okmpc::auth
