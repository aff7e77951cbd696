// okmpc: the command line. Subcommands register themselves (apps/cmd_*.cpp).
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "apps/cli.hpp"

namespace {

void print_help() {
  std::cout << "okmpc " OKMPC_VERSION " - threshold signing (MPC) research engine\n\n"
               "usage: okmpc <command> [options]\n\ncommands:\n";
  for (const auto& [name, cmd] : okmpc::cli::commands()) {
    if (name.find(':') != std::string::npos) continue;  // internal handlers, e.g. "sign:ecdsa"
    std::string padded = name;
    padded.resize(std::max<size_t>(padded.size() + 2, 12), ' ');
    std::cout << "  " << padded << cmd.summary << "\n";
  }
  std::cout << "\nRun `okmpc <command> --help` for the options of one command.\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_help();
    return args.empty() ? okmpc::cli::kExitUsage : okmpc::cli::kExitOk;
  }
  if (args[0] == "--version") {
    std::cout << "okmpc " OKMPC_VERSION "\n";
    return 0;
  }
  const auto& cmds = okmpc::cli::commands();
  auto it = cmds.find(args[0]);
  if (it == cmds.end()) {
    std::cerr << "okmpc: unknown command '" << args[0] << "' (see: okmpc --help)\n";
    return okmpc::cli::kExitUsage;
  }
  try {
    return it->second.run(std::vector<std::string>(args.begin() + 1, args.end()));
  } catch (const std::exception& e) {
    std::cerr << "okmpc " << args[0] << ": unexpected error: " << e.what() << "\n";
    return okmpc::cli::kExitFailure;
  }
}
