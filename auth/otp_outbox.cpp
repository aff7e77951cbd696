#include "auth/otp_outbox.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <boost/json.hpp>

#include "auth/otp_address.hpp"

namespace okmpc::auth {

std::string outbox_line(const OtpMessage& m) {
  return boost::json::serialize(boost::json::object{{"channel", std::string(to_string(m.channel))},
                                                    {"to", m.to},
                                                    {"code", m.code},
                                                    {"expiresAt", m.expires_at}});
}

Status FileOutbox::deliver(const OtpMessage& message) {
  const std::string line = outbox_line(message) + "\n";
  const int fd = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return fail(ErrorCode::kIo, "outbox: open " + path_.string() + ": " + std::strerror(errno));
  const ssize_t written = ::write(fd, line.data(), line.size());
  const int saved = errno;
  ::close(fd);
  if (written != static_cast<ssize_t>(line.size())) {
    return fail(ErrorCode::kIo, "outbox: short write to " + path_.string() + ": " + std::strerror(saved));
  }
  return ok();
}

}  // namespace okmpc::auth
