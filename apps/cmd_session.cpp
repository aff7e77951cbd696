// `okmpc session new --out FILE [--json]`: a fresh ephemeral session key
// (session/session_key.hpp) written to FILE with mode 0600.
#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <iostream>

#include "apps/cli.hpp"
#include "mpc/hex.hpp"
#include "mpc/rng.hpp"
#include "session/session_key.hpp"

namespace okmpc::cli {
namespace {

namespace json = boost::json;

// Writes `text` to a new file (O_EXCL, mode 0600 from creation on) and
// fsyncs it; kIo on failure.
Status write_private_file(const std::string& path, std::string_view text) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return fail(ErrorCode::kIo, "cannot create " + path + ": " + std::strerror(errno));
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return fail(ErrorCode::kIo, "cannot write " + path + ": " + std::strerror(errno));
    }
    done += static_cast<size_t>(n);
  }
  bool synced = ::fsync(fd) == 0;
  bool closed = ::close(fd) == 0;
  if (!synced || !closed) return fail(ErrorCode::kIo, "cannot flush " + path);
  return ok();
}

int session_new(const std::vector<std::string>& argv) {
  const char* cmd = "session new";
  std::string err;
  auto args = Args::parse(argv, {"out"}, {"help", "json"}, &err);
  if (!args) return usage_error(cmd, err);
  if (args->flag("help")) {
    std::cout << "usage: okmpc session new --out FILE [--json]\n\n"
                 "Creates an ephemeral secp256k1 session key valid for 10 days and writes it to FILE\n"
                 "(a new file, mode 0600: privateKey, sessionPk, sessionAddress, createdAt, expiresAt).\n"
                 "Prints sessionPk (0x04 ++ X ++ Y), sessionAddress and expiresAt (unix seconds).\n";
    return kExitOk;
  }
  if (!args->positional().empty()) return usage_error(cmd, "unexpected argument " + args->positional()[0]);
  auto out = args->get("out");
  if (!out) return usage_error(cmd, "--out is required");

  const auto now = static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
  OsRng rng;
  session::SessionKey key = session::SessionKey::generate(rng, now);
  json::object pub;
  pub["sessionPk"] = to_hex_prefixed(key.public_key());
  pub["sessionAddress"] = eth::to_checksum(key.address());
  pub["expiresAt"] = key.expires_at();

  json::object file = pub;
  file["createdAt"] = key.created_at();
  std::string secret_hex = to_hex_prefixed(key.private_key().expose());
  file["privateKey"] = secret_hex;
  std::string text = json::serialize(file) + "\n";
  Status written = write_private_file(*out, text);
  // Wipe every copy of the private key we made.
  sodium_memzero(secret_hex.data(), secret_hex.size());
  sodium_memzero(text.data(), text.size());
  json::string& stored = file["privateKey"].get_string();
  sodium_memzero(stored.data(), stored.size());
  if (!written) return failure(cmd, written.error().message);

  if (args->flag("json")) {
    std::cout << json::serialize(pub) << "\n";
  } else {
    std::cout << "sessionPk: " << std::string(pub["sessionPk"].get_string()) << "\n"
              << "sessionAddress: " << std::string(pub["sessionAddress"].get_string()) << "\n"
              << "expiresAt: " << key.expires_at() << "\n";
  }
  return kExitOk;
}

int run_session(const std::vector<std::string>& argv) {
  if (argv.empty() || argv[0] == "--help" || argv[0] == "-h") {
    std::cout << "usage: okmpc session new --out FILE [--json]\n\n"
                 "  new   create an ephemeral session key (10-day lifetime) in FILE (mode 0600)\n";
    return argv.empty() ? kExitUsage : kExitOk;
  }
  if (argv[0] == "new") return session_new(std::vector<std::string>(argv.begin() + 1, argv.end()));
  return usage_error("session", "unknown command '" + argv[0] + "'");
}

}  // namespace

OKMPC_REGISTER_COMMAND("session", "ephemeral session keys: new", run_session);

}  // namespace okmpc::cli
