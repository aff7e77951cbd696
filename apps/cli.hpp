// The okmpc command line: each subcommand lives in its own apps/cmd_*.cpp and
// registers itself with OKMPC_REGISTER_COMMAND. Exit codes: 0 success,
// 1 failure (verification false, protocol abort, I/O), 2 usage error.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace okmpc::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// Parsed "--name value" / "--flag" / positional arguments. Options given
// twice, unknown options and missing values are usage errors.
class Args {
 public:
  // `flags` take no value; every other "--x" takes the next argument (or
  // "--x=value").
  static std::optional<Args> parse(const std::vector<std::string>& argv,
                                   const std::set<std::string>& value_options,
                                   const std::set<std::string>& flags, std::string* error);

  bool has(const std::string& name) const { return values_.count(name) || flags_.count(name); }
  bool flag(const std::string& name) const { return flags_.count(name) > 0; }
  std::optional<std::string> get(const std::string& name) const;
  std::string get_or(const std::string& name, const std::string& fallback) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::string> values_;
  std::set<std::string> flags_;
  std::vector<std::string> positional_;
};

// Names with a ':' are internal handlers hidden from `okmpc --help`, looked up
// by another command: `okmpc sign --scheme ecdsa` runs the "sign:ecdsa" entry.
struct Command {
  std::string name;      // e.g. "keygen" or "chain" (which dispatches further itself)
  std::string summary;   // one line for `okmpc --help`
  std::function<int(const std::vector<std::string>& args)> run;  // args after the name
};

void register_command(Command command);
const std::map<std::string, Command>& commands();

// Prints "okmpc <command>: <message>" to stderr and returns kExitUsage.
int usage_error(std::string_view command, std::string_view message);
// Prints "okmpc <command>: <message>" to stderr and returns kExitFailure.
int failure(std::string_view command, std::string_view message);

struct Registrar {
  explicit Registrar(Command command) { register_command(std::move(command)); }
};

}  // namespace okmpc::cli

#define OKMPC_CLI_CONCAT_INNER(a, b) a##b
#define OKMPC_CLI_CONCAT(a, b) OKMPC_CLI_CONCAT_INNER(a, b)
#define OKMPC_REGISTER_COMMAND(...) \
  static const ::okmpc::cli::Registrar OKMPC_CLI_CONCAT(okmpc_registrar_, __LINE__)(::okmpc::cli::Command{__VA_ARGS__})
