#include "apps/cli.hpp"

#include <iostream>

namespace okmpc::cli {

std::optional<Args> Args::parse(const std::vector<std::string>& argv,
                                const std::set<std::string>& value_options,
                                const std::set<std::string>& flags, std::string* error) {
  Args out;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.rfind("--", 0) != 0 || a == "--") {
      out.positional_.push_back(a);
      continue;
    }
    std::string name = a.substr(2);
    std::optional<std::string> inline_value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (out.has(name)) {
      *error = "option --" + name + " given twice";
      return std::nullopt;
    }
    if (flags.count(name)) {
      if (inline_value) {
        *error = "option --" + name + " takes no value";
        return std::nullopt;
      }
      out.flags_.insert(name);
    } else if (value_options.count(name)) {
      if (inline_value) {
        out.values_[name] = *inline_value;
      } else if (i + 1 < argv.size()) {
        out.values_[name] = argv[++i];
      } else {
        *error = "option --" + name + " needs a value";
        return std::nullopt;
      }
    } else {
      *error = "unknown option --" + name;
      return std::nullopt;
    }
  }
  return out;
}

std::optional<std::string> Args::get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string Args::get_or(const std::string& name, const std::string& fallback) const {
  return get(name).value_or(fallback);
}

namespace {
std::map<std::string, Command>& registry() {
  static std::map<std::string, Command> r;
  return r;
}
}  // namespace

void register_command(Command command) {
  std::string name = command.name;
  registry().emplace(std::move(name), std::move(command));
}

const std::map<std::string, Command>& commands() { return registry(); }

int usage_error(std::string_view command, std::string_view message) {
  std::cerr << "okmpc " << command << ": " << message << "\n(see: okmpc " << command << " --help)\n";
  return kExitUsage;
}

int failure(std::string_view command, std::string_view message) {
  std::cerr << "okmpc " << command << ": " << message << "\n";
  return kExitFailure;
}

}  // namespace okmpc::cli
